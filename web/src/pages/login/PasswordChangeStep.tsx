import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { networkProblem } from '../../api/network';
import { problemsOf } from '../../api/problems';
import type { Problem } from '../../api/problems';
import { Field } from '../../components/Field';
import { FormProblems } from '../../components/FormProblems';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';

/** After a temporary password: a new one before anything else (POST /auth/password). */
export function PasswordChangeStep({
  temporaryPassword,
  onDone,
}: {
  temporaryPassword: string;
  onDone(): Promise<void>;
}) {
  const { t } = useI18n();
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const differs = newPassword !== confirmation;
    setMismatch(differs);
    if (differs) return;
    setBusy(true);
    try {
      const { error, response } = await api.POST('/api/v1/auth/password', {
        body: { currentPassword: temporaryPassword, newPassword },
      });
      if (response.ok) {
        await onDone();
        return;
      }
      setProblems(problemsOf(error, { password: 'newPassword', currentPassword: 'newPassword' }));
    } catch {
      setProblems([networkProblem]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card">
      <StepHeading>{t('passwordChange.title')}</StepHeading>
      <FormProblems problems={problems} />
      <p className="lead">{t('passwordChange.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          name="newPassword"
          label={t('passwordChange.new')}
          type="password"
          value={newPassword}
          onValueChange={setNewPassword}
          hint={t('register.passwordRules')}
          required
          halfWidthOnly
          autoComplete="new-password"
          problems={problems}
        />
        <Field
          name="confirmation"
          label={t('passwordChange.confirm')}
          type="password"
          value={confirmation}
          onValueChange={setConfirmation}
          required
          halfWidthOnly
          autoComplete="new-password"
          status={mismatch ? t('passwordChange.mismatch') : undefined}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('passwordChange.submit')}
        </button>
      </form>
    </section>
  );
}
