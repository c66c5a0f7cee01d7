import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import { messageOf } from '../api/problems';
import type { Problem } from '../api/problems';

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
  const { language } = useI18n();
  const id = useId();
  const mine = problems.filter((p) => p.field === name);
  const describedBy = [hint ? `${id}-hint` : null, mine.length > 0 ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${mine.length > 0 ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
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

/** The two languages an account's mails can be written in. */
export function useMailLanguages(): { value: string; label: string }[] {
  const { t } = useI18n();
  return [
    { value: 'ja', label: t('section.language.ja') },
    { value: 'en', label: t('section.language.en') },
  ];
}
