import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { FULL_WIDTH, hasFullWidthHint, messageOf } from '../api/problems';
import type { Problem } from '../api/problems';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'>;

export interface FieldProps extends InputProps {
  name: string;
  label: string;
  value: string;
  onValueChange(value: string): void;
  /** The rules of the field, always shown under the label. */
  hint?: ReactNode;
  /** Shows the full-width hint the moment full-width characters are typed. */
  halfWidthOnly?: boolean;
  /** Live status under the field (e.g. the user-ID availability check). */
  status?: ReactNode;
  problems?: Problem[];
}

/** A labelled input with its rules, its live status and the API's errors for it, all announced. */
export function Field({
  name,
  label,
  value,
  onValueChange,
  hint,
  halfWidthOnly,
  status,
  problems = [],
  required,
  ...input
}: FieldProps) {
  const { t, language } = useI18n();
  const id = useId();
  const mine = problems.filter((p) => p.field === name);
  const fullWidth = halfWidthOnly && FULL_WIDTH.test(value);
  const describedBy = [
    hint ? `${id}-hint` : null,
    fullWidth || mine.some(hasFullWidthHint) ? `${id}-full-width` : null,
    status ? `${id}-status` : null,
    mine.length > 0 ? `${id}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${mine.length > 0 ? ' field--invalid' : ''}`}>
      <div className="field__label-row">
        <label htmlFor={id}>{label}</label>
        {/* Required-ness reaches assistive technology through the input's `required`. */}
        <span className="field__need" aria-hidden="true">
          {required ? t('form.required') : t('form.optional')}
        </span>
      </div>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        value={value}
        required={required}
        aria-invalid={mine.length > 0 || fullWidth ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onValueChange(event.target.value)}
        {...input}
      />
      {fullWidth || mine.some(hasFullWidthHint) ? (
        <p className="field__warning" id={`${id}-full-width`} role="status">
          {t('form.fullWidthHint')}
        </p>
      ) : null}
      {status ? (
        <p className="field__status" id={`${id}-status`} role="status">
          {status}
        </p>
      ) : null}
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
