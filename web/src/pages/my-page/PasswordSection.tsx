import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { Disclosure } from '../../components/Disclosure';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { PasswordField } from '../../components/CommonFields';
import { Section } from '../../components/Section';
import { useFields } from '../../components/use-fields';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';

const EMPTY = { currentPassword: '', newPassword: '', confirmation: '' };

/** Password change (POST /auth/password): every other session of the account ends. */
export function PasswordSection() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const submission = useSubmission();
  const { form, field: bind, reset } = useFields(() => EMPTY);

  const toggle = (next: boolean) => {
    setOpen(next);
    setSaved(false);
    reset();
    setMismatch(false);
    submission.clear();
  };
  const field = (key: keyof typeof EMPTY) => bind(key, submission.problems);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const differs = form.newPassword !== form.confirmation;
    setMismatch(differs);
    if (differs) return;
    const ok = await submission.run(async () => {
      const { error, response } = await api.POST('/api/v1/auth/password', {
        body: { currentPassword: form.currentPassword, newPassword: form.newPassword },
      });
      if (response.ok) return null;
      // A wrong current password is INVALID_CREDENTIALS: it concerns the current-password field.
      return problemsOf(error, { password: 'newPassword' }).map((p) =>
        p.code === 'INVALID_CREDENTIALS' ? { ...p, field: 'currentPassword' } : p,
      );
    });
    if (!ok) return;
    toggle(false);
    setSaved(true);
  };

  return (
    <Section title={t('passwordUpdate.title')}>
      <p>{t('passwordUpdate.intro')}</p>
      {saved ? <Notice>{t('passwordUpdate.done')}</Notice> : null}
      <Disclosure label={t('passwordUpdate.open')} open={open} onOpenChange={toggle}>
        <FormProblems problems={submission.problems} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <PasswordField {...field('currentPassword')} label={t('passwordUpdate.current')} />
          <PasswordField
            {...field('newPassword')}
            label={t('passwordChange.new')}
            hint={t('register.passwordRules')}
            autoComplete="new-password"
          />
          <PasswordField
            {...field('confirmation')}
            label={t('passwordChange.confirm')}
            autoComplete="new-password"
            status={mismatch ? t('passwordChange.mismatch') : undefined}
          />
          <FormActions
            submitLabel={t('passwordUpdate.submit')}
            busy={submission.busy}
            onCancel={() => toggle(false)}
          />
        </form>
      </Disclosure>
    </Section>
  );
}
