import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Problem } from '../api/problems';
import { FieldErrors, FieldHint } from './FieldParts';

/** A labelled choice among a few options, with its hint and the API's errors for it. */
export function SelectField({
  name,
  label,
  value,
  options,
  onValueChange,
  hint,
  problems = [],
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onValueChange(value: string): void;
  hint?: string;
  problems?: Problem[];
}) {
  const id = useId();
  const mine = problems.filter((p) => p.field === name);
  const describedBy = [hint ? `${id}-hint` : null, mine.length > 0 ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${mine.length > 0 ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id} hint={hint} />
      <select
        id={id}
        name={name}
        value={value}
        aria-invalid={mine.length > 0 ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onValueChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={id} problems={mine} />
    </div>
  );
}

/** The two languages an account's mails can be written in. */
export function useMailLanguages(): { value: string; label: string }[] {
  const { t } = useI18n();
  return [
    { value: 'ja', label: t('section.language.ja') },
    { value: 'en', label: t('section.language.en') },
  ];
}
