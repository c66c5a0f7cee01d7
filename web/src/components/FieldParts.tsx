import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { messageOf } from '../api/problems';
import type { Problem } from '../api/problems';

/** The label, with the required/optional mark (required-ness itself is on the control). */
export function FieldLabel({
  id,
  label,
  required,
}: {
  id: string;
  label: string;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="field__label-row">
      <label htmlFor={id}>{label}</label>
      <span className="field__need" aria-hidden="true">
        {required ? t('form.required') : t('form.optional')}
      </span>
    </div>
  );
}

/** The field's rules, always shown under the label (`${id}-hint`). */
export function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p className="field__hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

/** The API's errors for the field, each message once, in the chosen language (`${id}-error`). */
export function FieldErrors({ id, problems }: { id: string; problems: Problem[] }) {
  const { language } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div className="field__error" id={`${id}-error`}>
      {[...new Set(problems.map((p) => messageOf(p, language)))].map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
