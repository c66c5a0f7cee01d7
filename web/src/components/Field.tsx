import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { FULL_WIDTH, hasFullWidthHint } from '../api/problems';
import type { Problem } from '../api/problems';
import { FieldErrors, FieldHint, FieldLabel } from './FieldParts';

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
  const { t } = useI18n();
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
      <FieldLabel id={id} label={label} required={required} />
      <FieldHint id={id} hint={hint} />
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
      <FieldErrors id={id} problems={mine} />
    </div>
  );
}
