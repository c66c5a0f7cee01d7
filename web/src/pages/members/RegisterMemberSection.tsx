import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { PROFILE_FIELD_NAMES } from '../../api/profile-fields';
import { Disclosure } from '../../components/Disclosure';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import { ProfileFields } from '../../components/ProfileFields';
import { mailLanguage, useMemberForm } from './member-forms';
import type { MemberForm } from './member-forms';

/**
 * Registering a member: the ID chosen by the administrator or assigned when left empty; the member
 * is mailed the ID and a temporary password, and sets a password at the first login.
 */
export function RegisterMemberSection({ onRegistered }: { onRegistered(): Promise<void> }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);
  const submission = useSubmission();
  const { form, field, reset } = useMemberForm(() => ({ language }));
  const bound = (key: keyof MemberForm) => field(key, submission.problems);

  const toggle = (next: boolean) => {
    setOpen(next);
    setRegistered(null);
    reset();
    submission.clear();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let userId = '';
    const ok = await submission.run(async () => {
      const { data, error } = await api.POST('/api/v1/groups/mine/members', {
        body: {
          ...(form.userId.trim() ? { userId: form.userId.trim() } : {}),
          email: form.email.trim(),
          language: mailLanguage(form.language),
          profile: {
            name: form.name,
            nameKana: form.nameKana,
            ...(form.phone.trim() ? { phone: form.phone } : {}),
          },
        },
      });
      if (!data) return problemsOf(error, PROFILE_FIELD_NAMES);
      userId = data.userId;
      return null;
    });
    if (!ok) return;
    toggle(false);
    setRegistered(userId);
    await onRegistered();
  };

  return (
    <Section title={t('members.registerTitle')}>
      <p>{t('members.registerIntro')}</p>
      {registered ? (
        <Notice>
          {t('members.registered')} <strong>{registered}</strong>
        </Notice>
      ) : null}
      <Disclosure label={t('members.registerOpen')} open={open} onOpenChange={toggle}>
        <FormProblems problems={submission.problems} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Field
            {...bound('userId')}
            label={t('register.userId')}
            hint={t('members.userIdHint')}
            halfWidthOnly
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
          />
          <Field
            {...bound('email')}
            label={t('register.email')}
            type="email"
            required
            halfWidthOnly
            autoComplete="off"
          />
          <ProfileFields type={null} field={bound} language={bound('language')} />
          <FormActions
            submitLabel={t('members.registerSubmit')}
            busy={submission.busy}
            onCancel={() => toggle(false)}
          />
        </form>
      </Disclosure>
    </Section>
  );
}
