import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { Field } from '../../components/Field';
import { EmailField } from '../../components/CommonFields';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { StepHeading } from '../../components/StepHeading';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import { ForgotBoth } from './ForgotBoth';

type Step =
  | { name: 'request' }
  | { name: 'lookup'; sent: boolean }
  | { name: 'result'; userIds: string[] };

/**
 * The FAQ's user-ID lookup: 「ユーザID照会用パスワード発行」 mails a one-time lookup password to the
 * registered address; the address and that password then show the IDs. The first step says the
 * same thing whether or not the address is registered.
 */
export function UserIdLookupPage() {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ name: 'request' });
  const [email, setEmail] = useState('');
  return (
    <section className="card">
      <StepHeading>{t('recovery.userIdTitle')}</StepHeading>
      {step.name === 'request' ? (
        <RequestStep
          email={email}
          onEmail={setEmail}
          onSent={() => setStep({ name: 'lookup', sent: true })}
          onSkip={() => setStep({ name: 'lookup', sent: false })}
        />
      ) : null}
      {step.name === 'lookup' ? (
        <LookupStep
          email={email}
          onEmail={setEmail}
          sent={step.sent}
          onFound={(userIds) => setStep({ name: 'result', userIds })}
          onRequestAgain={() => setStep({ name: 'request' })}
        />
      ) : null}
      {step.name === 'result' ? <Result email={email} userIds={step.userIds} /> : null}
      <ForgotBoth />
    </section>
  );
}

function RequestStep({
  email,
  onEmail,
  onSent,
  onSkip,
}: {
  email: string;
  onEmail(email: string): void;
  onSent(): void;
  onSkip(): void;
}) {
  const { t } = useI18n();
  const submission = useSubmission();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = await submission.run(async () => {
      const { error, response } = await api.POST('/api/v1/recovery/user-id/lookup-password', {
        body: { email: email.trim() },
      });
      return response.ok ? null : problemsOf(error);
    });
    if (sent) onSent();
  };
  return (
    <>
      <h2>{t('recovery.lookupRequestTitle')}</h2>
      <FormProblems problems={submission.problems} />
      <p className="lead">{t('recovery.lookupRequestIntro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <EmailField
          name="email"
          label={t('register.email')}
          value={email}
          onValueChange={onEmail}
          problems={submission.problems}
        />
        <FormActions
          submitLabel={t('recovery.lookupRequestSubmit')}
          busy={submission.busy}
          onCancel={onSkip}
          cancelLabel={t('recovery.haveLookupPassword')}
        />
      </form>
    </>
  );
}

function LookupStep({
  email,
  onEmail,
  sent,
  onFound,
  onRequestAgain,
}: {
  email: string;
  onEmail(email: string): void;
  sent: boolean;
  onFound(userIds: string[]): void;
  onRequestAgain(): void;
}) {
  const { t } = useI18n();
  const [lookupPassword, setLookupPassword] = useState('');
  const submission = useSubmission();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let found: string[] = [];
    const ok = await submission.run(async () => {
      const { data, error } = await api.POST('/api/v1/recovery/user-id', {
        body: { email: email.trim(), lookupPassword: lookupPassword.trim() },
      });
      if (!data) return problemsOf(error);
      found = data.userIds;
      return null;
    });
    if (ok) onFound(found);
  };
  return (
    <>
      <StepHeading level={2}>{t('recovery.lookupTitle')}</StepHeading>
      {sent ? (
        <div className="alert alert--success" role="status">
          <p>{t('recovery.lookupRequested')}</p>
          <p>{t('recovery.notArrived')}</p>
        </div>
      ) : null}
      <FormProblems problems={submission.problems} />
      <p className="lead">{t('recovery.lookupIntro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <EmailField
          name="email"
          label={t('register.email')}
          value={email}
          onValueChange={onEmail}
          problems={submission.problems}
        />
        <Field
          name="lookupPassword"
          label={t('recovery.lookupPassword')}
          value={lookupPassword}
          onValueChange={setLookupPassword}
          hint={t('recovery.lookupPasswordHint')}
          required
          halfWidthOnly
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          problems={submission.problems}
        />
        <FormActions
          submitLabel={t('recovery.lookupSubmit')}
          busy={submission.busy}
          onCancel={onRequestAgain}
          cancelLabel={t('recovery.requestAgain')}
        />
      </form>
    </>
  );
}

function Result({ email, userIds }: { email: string; userIds: string[] }) {
  const { t } = useI18n();
  return (
    <>
      <StepHeading level={2}>{t('recovery.resultTitle')}</StepHeading>
      {userIds.length > 0 ? (
        <>
          <p className="lead">{t('recovery.resultIntro')}</p>
          <ul className="user-ids" aria-label={t('recovery.resultListLabel')}>
            {userIds.map((userId) => (
              <li key={userId}>
                <code>{userId}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="lead">{t('recovery.resultNone')}</p>
      )}
      <div className="actions">
        <Link className="button button--primary" to="/login">
          {t('app.toLogin')}
        </Link>
        <Link to="/recovery/password" state={{ email }}>
          {t('recovery.toPasswordReissue')}
        </Link>
      </div>
    </>
  );
}
