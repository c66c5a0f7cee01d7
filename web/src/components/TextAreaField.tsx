import { useId } from 'react';
import type { Problem } from '../api/problems';
import { FieldErrors, FieldHint, FieldLabel } from './FieldParts';

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
  const id = useId();
  const mine = problems.filter((p) => p.field === name);
  const describedBy = [hint ? `${id}-hint` : null, mine.length > 0 ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${mine.length > 0 ? ' field--invalid' : ''}`}>
      <FieldLabel id={id} label={label} required={required} />
      <FieldHint id={id} hint={hint} />
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
      <FieldErrors id={id} problems={mine} />
    </div>
  );
}
