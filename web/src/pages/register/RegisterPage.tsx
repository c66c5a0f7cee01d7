import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { networkProblem } from '../../api/network';
import { messageOf, problemsOf } from '../../api/problems';
import type { Problem } from '../../api/problems';
import { Field } from '../../components/Field';
import { ProfileFields } from '../../components/ProfileFields';
import { FormProblems } from '../../components/FormProblems';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';
import { useUserIdAvailability } from './use-user-id-availability';

type AccountType = Schemas['RegisterAccountDto']['type'];
const TYPES: AccountType[] = ['individual', 'corporate', 'group'];

/** Registration: the type first (fixed for life), then the details that type needs, then done. */
export function RegisterPage() {
  const [type, setType] = useState<AccountType | null>(null);
  const [registered, setRegistered] = useState<string | null>(null);
  if (registered) return <RegistrationDone userId={registered} />;
  if (!type) return <TypeStep onChoose={setType} />;
  return <DetailsStep type={type} onChangeType={() => setType(null)} onDone={setRegistered} />;
}

function TypeStep({ onChoose }: { onChoose(type: AccountType): void }) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<AccountType>('individual');
  return (
    <section className="card">
      <StepHeading>{t('register.title')}</StepHeading>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onChoose(choice);
        }}
      >
        <fieldset className="choices">
          <legend>{t('register.typeLegend')}</legend>
          <p className="alert alert--info" id="type-note">
            {t('register.typeNote')}
          </p>
          {TYPES.map((type) => (
            <div className="choice" key={type}>
              <input
                type="radio"
                id={`type-${type}`}
                name="type"
                value={type}
                checked={choice === type}
                onChange={() => setChoice(type)}
                aria-describedby={`type-${type}-description type-note`}
              />
              <label htmlFor={`type-${type}`}>
                <span className="choice__label">{t(`register.type.${type}`)}</span>
                <span className="choice__description" id={`type-${type}-description`}>
                  {t(`register.type.${type}.description`)}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary">
          {t('register.chooseType')}
        </button>
      </form>
    </section>
  );
}

interface Details {
  userId: string;
  password: string;
  email: string;
  name: string;
  nameKana: string;
  phone: string;
  companyName: string;
  department: string;
  groupName: string;
}

function DetailsStep({
  type,
  onChangeType,
  onDone,
}: {
  type: AccountType;
  onChangeType(): void;
  onDone(userId: string): void;
}) {
  const { t, language } = useI18n();
  const [details, setDetails] = useState<Details>({
    userId: '',
    password: '',
    email: '',
    name: '',
    nameKana: '',
    phone: '',
    companyName: '',
    department: '',
    groupName: '',
  });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const availability = useUserIdAvailability(details.userId);
  const set = (key: keyof Details) => (value: string) =>
    setDetails((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const optional = (value: string) => (value.trim() === '' ? undefined : value);
    try {
      const { data, error } = await api.POST('/api/v1/accounts', {
        body: {
          type,
          userId: details.userId,
          password: details.password,
          email: details.email,
          language,
          profile: {
            name: details.name,
            nameKana: details.nameKana,
            phone: optional(details.phone),
            ...(type === 'corporate'
              ? { companyName: details.companyName, department: optional(details.department) }
              : {}),
            ...(type === 'group' ? { groupName: details.groupName } : {}),
          },
        },
      });
      if (data) onDone(data.userId);
      else setProblems(problemsOf(error, PROFILE_FIELDS));
    } catch {
      setProblems([networkProblem]);
    } finally {
      setBusy(false);
    }
  };

  const userIdStatus = {
    idle: null,
    checking: t('register.userIdChecking'),
    available: t('register.userIdAvailable'),
    taken: t('register.userIdTaken'),
    problem: availability.state === 'problem' ? messageOf(availability.problem, language) : null,
  }[availability.state];

  const field = (key: keyof Details) => ({
    name: key,
    value: details[key],
    onValueChange: set(key),
    problems,
  });

  return (
    <section className="card">
      <StepHeading>{t('register.title')}</StepHeading>
      <p className="selected-type">
        {t('register.selectedType')}: <strong>{t(`register.type.${type}`)}</strong>{' '}
        <button type="button" className="button button--link" onClick={onChangeType}>
          {t('register.changeType')}
        </button>
      </p>
      <p className="alert alert--info">{t('register.typeNote')}</p>
      <FormProblems problems={problems} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset>
          <legend>{t('register.account')}</legend>
          <Field
            {...field('userId')}
            label={t('register.userId')}
            hint={t('register.userIdRules')}
            status={userIdStatus}
            required
            halfWidthOnly
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
          />
          <Field
            {...field('password')}
            label={t('register.password')}
            type="password"
            hint={t('register.passwordRules')}
            required
            halfWidthOnly
            autoComplete="new-password"
          />
          <Field
            {...field('email')}
            label={t('register.email')}
            type="email"
            required
            halfWidthOnly
            autoComplete="email"
          />
        </fieldset>
        <fieldset>
          <legend>{t('register.profile')}</legend>
          <ProfileFields type={type} field={field} />
        </fieldset>
        <p>{t('register.twoFactorNote')}</p>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('register.submit')}
        </button>
      </form>
    </section>
  );
}

/** The API names profile fields `profile.name`; the form's fields are plain `name`. */
const PROFILE_FIELDS = Object.fromEntries(
  ['name', 'nameKana', 'phone', 'companyName', 'department', 'groupName'].map((f) => [
    `profile.${f}`,
    f,
  ]),
);

function RegistrationDone({ userId }: { userId: string }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <StepHeading>{t('register.doneTitle')}</StepHeading>
      <p className="lead">{t('register.doneText')}</p>
      <dl className="summary">
        <div className="summary__row">
          <dt>{t('register.doneUserId')}</dt>
          <dd>{userId}</dd>
        </div>
      </dl>
      <p>
        <Link className="button button--primary" to="/login">
          {t('app.toLogin')}
        </Link>
      </p>
    </section>
  );
}
