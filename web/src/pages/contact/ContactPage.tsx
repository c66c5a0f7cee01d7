import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { EmailField } from '../../components/CommonFields';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { StepHeading } from '../../components/StepHeading';
import { TextAreaField } from '../../components/TextAreaField';
import { useFields } from '../../components/use-fields';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/ja';

type Category = Schemas['ContactFormDto']['category'];
export const CATEGORIES: Category[] = [
  'two_factor_locked',
  'two_factor_reset',
  'cannot_log_in',
  'withdrawal',
  'other',
];
export const categoryKey = (category: string) => `supportCategory.${category}` as MessageKey;

/**
 * The contact form (お問い合わせフォーム), for customers who cannot log in: no session needed.
 * Whatever was typed, the same confirmation follows (it reveals nothing about accounts).
 */
export function ContactPage() {
  const { t, language } = useI18n();
  const submission = useSubmission();
  const [sent, setSent] = useState(false);
  const { form, field } = useFields(() => ({
    category: 'two_factor_locked',
    userId: '',
    email: '',
    message: '',
  }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.run(async () => {
      const userId = form.userId.trim();
      const { error, response } = await api.POST('/api/v1/support/contact', {
        // The middleware sets it too; the document declares the header, so the type asks for it.
        params: { header: { 'accept-language': language } },
        body: {
          category: form.category as Category,
          ...(userId ? { userId } : {}),
          email: form.email.trim(),
          message: form.message,
        },
      });
      return response.ok ? null : problemsOf(error);
    });
    if (ok) setSent(true);
  };
  return (
    <section className="card">
      <StepHeading>{t('contact.title')}</StepHeading>
      {sent ? (
        <>
          <Notice>
            <p>{t('contactForm.sent')}</p>
            <p>{t('contactForm.sentMail')}</p>
          </Notice>
          <p>
            <Link to="/login">{t('app.toLogin')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('contactForm.intro')}</p>
          <FormProblems problems={submission.problems} />
          <form onSubmit={(event) => void submit(event)} noValidate>
            <SelectField
              {...field('category', submission.problems)}
              label={t('contactForm.category')}
              options={CATEGORIES.map((value) => ({ value, label: t(categoryKey(value)) }))}
            />
            <Field
              {...field('userId', submission.problems)}
              label={t('contactForm.userId')}
              hint={t('contactForm.userIdHint')}
              halfWidthOnly
              autoComplete="username"
              autoCapitalize="off"
              spellCheck={false}
            />
            <EmailField
              {...field('email', submission.problems)}
              label={t('register.email')}
              hint={t('contactForm.emailHint')}
            />
            <TextAreaField
              {...field('message', submission.problems)}
              label={t('contactForm.message')}
              hint={t('contactForm.messageHint')}
              required
              maxLength={4000}
            />
            <FormActions submitLabel={t('contactForm.submit')} busy={submission.busy} />
          </form>
        </>
      )}
    </section>
  );
}
