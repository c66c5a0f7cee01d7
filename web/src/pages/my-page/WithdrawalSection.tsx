import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { Disclosure } from '../../components/Disclosure';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { PasswordField } from '../../components/CommonFields';
import { Section } from '../../components/Section';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import type { Me } from '../../session/use-me';

/**
 * 退会のお申込み(ユーザIDの削除), with the FAQ's explanation: the user applies, the company carries
 * out the deletion, and booking again afterwards needs a new registration.
 */
export function WithdrawalSection({ me, onRequested }: { me: Me; onRequested(): Promise<void> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [requested, setRequested] = useState(false);
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const submission = useSubmission();

  const toggle = (next: boolean) => {
    setOpen(next);
    setPassword('');
    setReason('');
    submission.clear();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.run(async () => {
      const { error, response } = await api.POST('/api/v1/me/withdrawal', {
        body: { password, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      return response.ok ? null : problemsOf(error);
    });
    if (!ok) return;
    setRequested(true);
    await onRequested();
  };

  return (
    <Section title={t('withdrawal.title')}>
      <p>{t('withdrawal.explain')}</p>
      <p>{t('withdrawal.afterwards')}</p>
      <p>{t('withdrawal.typeChange')}</p>
      {requested ? <Notice>{t('withdrawal.requested')}</Notice> : null}
      {me.status === 'withdrawal_requested' ? (
        !requested && <p className="alert alert--info">{t('withdrawal.pending')}</p>
      ) : (
        <Disclosure label={t('withdrawal.open')} open={open} onOpenChange={toggle}>
          <FormProblems problems={submission.problems} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <PasswordField
              name="password"
              label={t('withdrawal.password')}
              value={password}
              onValueChange={setPassword}
              problems={submission.problems}
            />
            <Field
              name="reason"
              label={t('withdrawal.reason')}
              value={reason}
              onValueChange={setReason}
              maxLength={1000}
              problems={submission.problems}
            />
            <FormActions
              submitLabel={t('withdrawal.submit')}
              busy={submission.busy}
              onCancel={() => toggle(false)}
            />
          </form>
        </Disclosure>
      )}
    </Section>
  );
}
