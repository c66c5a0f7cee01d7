import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { Disclosure } from '../../components/Disclosure';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { EmailField, PasswordField } from '../../components/CommonFields';
import { Section } from '../../components/Section';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';

/** E-mail change: the new address and, to confirm it is the owner, the current password. */
export function EmailSection({ onSaved }: { onSaved(): Promise<void> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmission();

  const toggle = (next: boolean) => {
    setOpen(next);
    setSaved(false);
    setEmail('');
    setPassword('');
    submission.clear();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.run(async () => {
      const { error, response } = await api.PATCH('/api/v1/me', {
        body: { email: email.trim(), password },
      });
      return response.ok ? null : problemsOf(error);
    });
    if (!ok) return;
    await onSaved();
    toggle(false);
    setSaved(true);
  };

  return (
    <Section title={t('emailChange.title')}>
      <p>{t('emailChange.intro')}</p>
      {saved ? <Notice>{t('emailChange.done')}</Notice> : null}
      <Disclosure label={t('emailChange.open')} open={open} onOpenChange={toggle}>
        <FormProblems problems={submission.problems} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <EmailField
            name="email"
            label={t('emailChange.new')}
            value={email}
            onValueChange={setEmail}
            problems={submission.problems}
          />
          <PasswordField
            name="password"
            label={t('emailChange.password')}
            value={password}
            onValueChange={setPassword}
            problems={submission.problems}
          />
          <FormActions
            submitLabel={t('emailChange.submit')}
            busy={submission.busy}
            onCancel={() => toggle(false)}
          />
        </form>
      </Disclosure>
    </Section>
  );
}
