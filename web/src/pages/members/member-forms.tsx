import { useState } from 'react';
import type { Problem } from '../../api/problems';
import { Field } from '../../components/Field';
import { SelectField, useMailLanguages } from '../../components/SelectField';
import { useI18n } from '../../i18n/i18n';

export interface MemberForm {
  userId: string;
  email: string;
  name: string;
  nameKana: string;
  phone: string;
  language: string;
}

export interface BoundField {
  name: string;
  value: string;
  onValueChange(value: string): void;
  problems: Problem[];
}

export const mailLanguage = (value: string): 'ja' | 'en' => (value === 'en' ? 'en' : 'ja');

/** A member's form state, with each field ready to spread into a Field. */
export function useMemberForm(initial: () => MemberForm) {
  const [form, setForm] = useState<MemberForm>(initial);
  const field = (key: keyof MemberForm, problems: Problem[]): BoundField => ({
    name: key,
    value: form[key],
    onValueChange: (value: string) => setForm((f) => ({ ...f, [key]: value })),
    problems,
  });
  return { form, field, reset: () => setForm(initial()) };
}

/** The profile fields an administrator fills in for a member, and the language of its mails. */
export function MemberProfileFields({ field }: { field(key: keyof MemberForm): BoundField }) {
  const { t } = useI18n();
  const languages = useMailLanguages();
  return (
    <>
      <Field {...field('name')} label={t('register.name')} required autoComplete="off" />
      <Field
        {...field('nameKana')}
        label={t('register.nameKana')}
        hint={t('register.nameKanaHint')}
        required
        autoComplete="off"
      />
      <Field {...field('phone')} label={t('register.phone')} type="tel" autoComplete="off" />
      <SelectField {...field('language')} label={t('profile.language')} options={languages} />
    </>
  );
}
