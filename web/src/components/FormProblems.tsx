import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { messageOf } from '../api/problems';
import type { Problem } from '../api/problems';

/**
 * The errors of a form that concern no single field, and a summary when some field has one: read
 * out at once (role="alert"), placed above the form so the keyboard user meets them first.
 */
export function FormProblems({
  problems,
  children,
}: {
  problems: Problem[];
  children?: ReactNode;
}) {
  const { t, language } = useI18n();
  if (problems.length === 0 && !children) return null;
  const general = problems.filter((p) => p.field === null);
  const fieldProblems = problems.length - general.length;
  return (
    <div className="alert alert--error" role="alert">
      {[...new Set(general.map((p) => messageOf(p, language)))].map((message) => (
        <p key={message}>{message}</p>
      ))}
      {fieldProblems > 0 && general.length === 0 ? <p>{t('form.errorSummary')}</p> : null}
      {children}
    </div>
  );
}
