import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import { messageOf } from '../api/problems';
import type { Problem } from '../api/problems';

/** A labelled multi-line input (message, reply, reason) with its hint and the API's errors for it. */
export function TextAreaField({
  name,
  label,
  value,
  onValueChange,
  hint,
  required,
  maxLength,
  rows = 5,
  problems = [],
}: {
  name: string;
  label: string;
  value: string;
  onValueChange(value: string): void;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  rows?: number;
  problems?: Problem[];
}) {
  const { t, language } = useI18n();
  const id = useId();
  const mine = problems.filter((p) => p.field === name);
  const describedBy = [hint ? `${id}-hint` : null, mine.length > 0 ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${mine.length > 0 ? ' field--invalid' : ''}`}>
      <div className="field__label-row">
        <label htmlFor={id}>{label}</label>
        <span className="field__need" aria-hidden="true">
          {required ? t('form.required') : t('form.optional')}
        </span>
      </div>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        value={value}
        rows={rows}
        required={required}
        maxLength={maxLength}
        aria-invalid={mine.length > 0 ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onValueChange(event.target.value)}
      />
      {mine.length > 0 ? (
        <div className="field__error" id={`${id}-error`}>
          {[...new Set(mine.map((p) => messageOf(p, language)))].map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
