import { Field } from './Field';
import { SelectField, useMailLanguages } from './SelectField';
import type { BoundField } from './use-fields';
import { useI18n } from '../i18n/i18n';

export type ProfileKey =
  | 'name'
  | 'nameKana'
  | 'phone'
  | 'companyName'
  | 'department'
  | 'groupName'
  | 'language';
export type ProfileForm = Record<ProfileKey, string>;

/**
 * The profile an account's type asks for (company for corporate, group name for group; none of
 * those for a group's member, `type` null), and, when `language` is given, the language of its mails.
 */
export function ProfileFields({
  type,
  field,
  language,
}: {
  type: 'individual' | 'corporate' | 'group' | null;
  field(key: Exclude<ProfileKey, 'language'>): BoundField;
  language?: BoundField;
}) {
  const { t } = useI18n();
  const languages = useMailLanguages();
  return (
    <>
      {type === 'corporate' ? (
        <>
          <Field
            {...field('companyName')}
            label={t('register.companyName')}
            required
            autoComplete="organization"
          />
          <Field {...field('department')} label={t('register.department')} />
        </>
      ) : null}
      {type === 'group' ? (
        <Field {...field('groupName')} label={t('register.groupName')} required />
      ) : null}
      <Field
        {...field('name')}
        label={t('register.name')}
        required
        autoComplete={type ? 'name' : 'off'}
      />
      <Field
        {...field('nameKana')}
        label={t('register.nameKana')}
        hint={t('register.nameKanaHint')}
        required
        autoComplete="off"
      />
      <Field
        {...field('phone')}
        label={t('register.phone')}
        type="tel"
        autoComplete={type ? 'tel' : 'off'}
      />
      {language ? (
        <SelectField
          {...language}
          label={t('profile.language')}
          hint={type ? t('profile.languageHint') : undefined}
          options={languages}
        />
      ) : null}
    </>
  );
}
