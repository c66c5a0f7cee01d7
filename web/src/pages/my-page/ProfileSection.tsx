import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { orNull, PROFILE_FIELD_NAMES } from '../../api/profile-fields';
import { Disclosure } from '../../components/Disclosure';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { ProfileFields } from '../../components/ProfileFields';
import type { ProfileForm } from '../../components/ProfileFields';
import { useFields } from '../../components/use-fields';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import type { Me } from '../../session/use-me';

const formOf = (me: Me): ProfileForm => ({
  name: me.profile.name,
  nameKana: me.profile.nameKana,
  phone: me.profile.phone ?? '',
  companyName: me.profile.companyName ?? '',
  department: me.profile.department ?? '',
  groupName: me.profile.groupName ?? '',
  language: me.language,
});

/** プロフィール変更: the profile fields the account's type has, and the language of its mails. */
export function ProfileSection({ me, onSaved }: { me: Me; onSaved(): Promise<void> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission();
  const { form, field, reset } = useFields<ProfileForm>(() => formOf(me));

  const toggle = (next: boolean) => {
    setOpen(next);
    setSaved(false);
    submission.clear();
    if (next) reset();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.run(async () => {
      const { error, response } = await api.PATCH('/api/v1/me', {
        body: {
          language: form.language === 'en' ? 'en' : 'ja',
          profile: {
            name: form.name,
            nameKana: form.nameKana,
            phone: orNull(form.phone),
            ...(me.type === 'corporate'
              ? { companyName: form.companyName, department: orNull(form.department) }
              : {}),
            ...(me.type === 'group' ? { groupName: form.groupName } : {}),
          },
        },
      });
      return response.ok ? null : problemsOf(error, PROFILE_FIELD_NAMES);
    });
    if (!ok) return;
    await onSaved();
    setOpen(false);
    setSaved(true);
  };

  return (
    <Section title={t('profile.title')}>
      <p>{t('profile.intro')}</p>
      {saved ? <Notice>{t('profile.saved')}</Notice> : null}
      <Disclosure label={t('profile.open')} open={open} onOpenChange={toggle}>
        <FormProblems problems={submission.problems} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <ProfileFields
            type={me.type}
            field={(key) => field(key, submission.problems)}
            language={field('language', submission.problems)}
          />
          <FormActions
            submitLabel={t('profile.submit')}
            busy={submission.busy}
            onCancel={() => toggle(false)}
          />
        </form>
      </Disclosure>
    </Section>
  );
}
