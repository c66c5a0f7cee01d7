import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { PROFILE_FIELD_NAMES } from '../../api/profile-fields';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { ProfileFields } from '../../components/ProfileFields';
import type { ProfileForm } from '../../components/ProfileFields';
import { SelectField } from '../../components/SelectField';
import { StepHeading } from '../../components/StepHeading';
import { useFields } from '../../components/use-fields';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';

type AccountType = 'individual' | 'corporate' | 'group';
const TYPES: AccountType[] = ['individual', 'corporate', 'group'];
type Form = ProfileForm & { type: string; email: string };

const blank = (): Form => ({
  type: 'individual',
  email: '',
  name: '',
  nameKana: '',
  phone: '',
  companyName: '',
  department: '',
  groupName: '',
  language: 'ja',
});

/**
 * Registration from a paper application form: staff enter the type, the profile and the e-mail;
 * the user ID is assigned by the service and mailed with a temporary password (never shown here).
 */
export function RegisterCustomerPage() {
  const { t } = useI18n();
  const submission = useSubmission();
  const { form, field, reset } = useFields<Form>(blank);
  const [registered, setRegistered] = useState<{ userId: string; email: string } | null>(null);
  const type = (TYPES as string[]).includes(form.type) ? (form.type as AccountType) : 'individual';
  const optional = (value: string) => (value.trim() === '' ? undefined : value);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let userId = '';
    const ok = await submission.run(async () => {
      const { data, error } = await api.POST('/api/v1/admin/accounts', {
        body: {
          type,
          email: form.email,
          language: form.language === 'en' ? 'en' : 'ja',
          profile: {
            name: form.name,
            nameKana: form.nameKana,
            phone: optional(form.phone),
            ...(type === 'corporate'
              ? { companyName: form.companyName, department: optional(form.department) }
              : {}),
            ...(type === 'group' ? { groupName: form.groupName } : {}),
          },
        },
      });
      if (data) {
        userId = data.userId;
        return null;
      }
      return problemsOf(error, PROFILE_FIELD_NAMES);
    });
    if (ok) setRegistered({ userId, email: form.email });
  };

  if (registered)
    return (
      <section className="card">
        <StepHeading>{t('console.registerDoneTitle')}</StepHeading>
        <dl className="summary">
          <div className="summary__row">
            <dt>{t('myPage.userId')}</dt>
            <dd>{registered.userId}</dd>
          </div>
          <div className="summary__row">
            <dt>{t('myPage.email')}</dt>
            <dd>{registered.email}</dd>
          </div>
        </dl>
        <p role="status">{t('console.registerMailed')}</p>
        <p>
          <Link to={`/console/accounts/${registered.userId}`}>
            {t('console.registerToAccount')}
          </Link>{' '}
          ·{' '}
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              reset();
              submission.clear();
              setRegistered(null);
            }}
          >
            {t('console.registerAnother')}
          </button>
        </p>
      </section>
    );

  return (
    <section className="card">
      <StepHeading>{t('console.registerTitle')}</StepHeading>
      <p>{t('console.registerIntro')}</p>
      <FormProblems problems={submission.problems} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <SelectField
          {...field('type', submission.problems)}
          label={t('register.typeLegend')}
          hint={t('register.typeNote')}
          options={TYPES.map((value) => ({ value, label: t(`register.type.${value}`) }))}
        />
        <Field
          {...field('email', submission.problems)}
          label={t('register.email')}
          type="email"
          required
          halfWidthOnly
          autoComplete="off"
        />
        <ProfileFields
          type={type}
          field={(key) => field(key, submission.problems)}
          language={field('language', submission.problems)}
        />
        <FormActions submitLabel={t('console.registerSubmit')} busy={submission.busy} />
      </form>
    </section>
  );
}
