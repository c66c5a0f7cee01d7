import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { LoginResponse } from '../../api/client';
import { problemsOf } from '../../api/problems';
import type { Problem } from '../../api/problems';
import { Field } from '../../components/Field';
import { FormProblems } from '../../components/FormProblems';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';
import { networkProblem } from '../../api/network';

export function CredentialsStep({
  notice,
  loggedOut,
  onAnswer,
}: {
  notice?: Problem[];
  loggedOut?: boolean;
  onAnswer(answer: LoginResponse, password: string): void;
}) {
  const { t } = useI18n();
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>(notice ?? []);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { data, error } = await api.POST('/api/v1/auth/login', { body: { userId, password } });
      if (data) {
        onAnswer(data, password);
        return;
      }
      setProblems(problemsOf(error));
    } catch {
      setProblems([networkProblem]);
    } finally {
      setBusy(false);
    }
  };

  const codes = new Set(problems.map((p) => p.code));
  return (
    <section className="card" aria-labelledby="login-title">
      <StepHeading>
        <span id="login-title">{t('login.title')}</span>
      </StepHeading>
      {loggedOut && problems.length === 0 ? (
        <p className="alert alert--success" role="status">
          {t('myPage.loggedOut')}
        </p>
      ) : null}
      <FormProblems problems={problems}>
        {/* INVALID_CREDENTIALS's own message already carries the FAQ's hints. */}
        {codes.has('VALIDATION_FAILED') && !codes.has('INVALID_CREDENTIALS') ? (
          <p>{t('login.failedHints')}</p>
        ) : null}
        {codes.has('TOO_MANY_ATTEMPTS') ? <p>{t('login.cooldown')}</p> : null}
        {codes.has('ACCOUNT_LOCKED') || codes.has('TOO_MANY_ATTEMPTS') ? (
          <p>
            <Link to="/contact">{t('contact.link')}</Link>
          </p>
        ) : null}
      </FormProblems>
      <p className="lead">{t('login.rules')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          name="userId"
          label={t('login.userId')}
          value={userId}
          onValueChange={setUserId}
          required
          halfWidthOnly
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          problems={problems}
        />
        <Field
          name="password"
          label={t('login.password')}
          type="password"
          value={password}
          onValueChange={setPassword}
          required
          halfWidthOnly
          autoComplete="current-password"
          problems={problems}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
      <nav className="help-links" aria-label={t('login.forgotten')}>
        <h2>{t('login.forgotten')}</h2>
        <ul>
          <li>
            <Link to="/recovery/user-id">{t('login.forgotUserId')}</Link>
          </li>
          <li>
            <Link to="/recovery/password">{t('login.forgotPassword')}</Link>
          </li>
        </ul>
        <p>{t('login.forgotBoth')}</p>
        <p>
          <Link to="/register">{t('login.register')}</Link>
        </p>
      </nav>
    </section>
  );
}
