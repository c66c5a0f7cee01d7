import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { Field } from '../../components/Field';
import { EmailField } from '../../components/CommonFields';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { StepHeading } from '../../components/StepHeading';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import { ForgotBoth } from './ForgotBoth';

/**
 * The FAQ's password re-issue: user ID and registered address; a temporary password is mailed.
 * The answer is the same whether or not they match an account (no enumeration).
 */
export function PasswordReissuePage() {
  const { t } = useI18n();
  const location = useLocation();
  const [userId, setUserId] = useState('');
  const [email, setEmail] = useState(
    () => (location.state as { email?: string } | null)?.email ?? '',
  );
  const [sent, setSent] = useState(false);
  const submission = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.run(async () => {
      const { error, response } = await api.POST('/api/v1/recovery/password', {
        body: { userId: userId.trim(), email: email.trim() },
      });
      return response.ok ? null : problemsOf(error);
    });
    setSent(ok);
  };

  return (
    <section className="card">
      <StepHeading>{t('recovery.passwordTitle')}</StepHeading>
      {sent ? (
        <>
          <Notice>
            <p>{t('recovery.reissued')}</p>
            <p>{t('recovery.notArrived')}</p>
          </Notice>
          <p>
            <Link className="button button--primary" to="/login">
              {t('app.toLogin')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <FormProblems problems={submission.problems} />
          <p className="lead">{t('recovery.reissueIntro')}</p>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Field
              name="userId"
              label={t('login.userId')}
              value={userId}
              onValueChange={setUserId}
              hint={t('login.rules')}
              required
              halfWidthOnly
              autoComplete="username"
              autoCapitalize="off"
              spellCheck={false}
              problems={submission.problems}
            />
            <EmailField
              name="email"
              label={t('register.email')}
              value={email}
              onValueChange={setEmail}
              problems={submission.problems}
            />
            <button type="submit" className="button button--primary" disabled={submission.busy}>
              {t('recovery.reissueSubmit')}
            </button>
          </form>
        </>
      )}
      <p>{t('app.contact')}</p>
      <ForgotBoth />
    </section>
  );
}
