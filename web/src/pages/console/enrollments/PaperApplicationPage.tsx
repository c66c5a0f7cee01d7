import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { enrollmentsApi } from '../../../api/enrollments';
import type { PaperApplicationResult } from '../../../api/enrollments';
import { Field } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';
import { FormProblems } from '../../../components/FormProblems';
import { SelectField, useMailLanguages } from '../../../components/SelectField';
import { StepHeading } from '../../../components/StepHeading';
import { TextAreaField } from '../../../components/TextAreaField';
import { useFields } from '../../../components/use-fields';
import { useSubmission } from '../../../components/use-submission';
import { useI18n } from '../../../i18n/i18n';
import { sessionWhen, sessionWhere } from '../../courses/session-labels';
import { useLoad } from '../use-load';

type Who = 'existing' | 'new';
type Done = PaperApplicationResult;

const blank = () => ({
  sessionId: '',
  userId: '',
  email: '',
  name: '',
  nameKana: '',
  phone: '',
  language: 'ja',
  reason: '',
});

/**
 * A paper application entered by staff: for an existing account (its user ID) or for a person
 * without one, who is registered in the same step (the ID is assigned and mailed with a
 * temporary password, never shown here). Nothing is written when the API refuses.
 */
export function PaperApplicationPage() {
  const { t, language } = useI18n();
  const languages = useMailLanguages();
  const { loaded } = useLoad(() => enrollmentsApi.courses(), []);
  const submission = useSubmission();
  const { form, field, reset } = useFields(blank);
  const [who, setWho] = useState<Who>('existing');
  const [done, setDone] = useState<Done | null>(null);

  const sessions =
    loaded.state === 'ready'
      ? loaded.data.items.flatMap((course) =>
          course.sessions
            .filter((session) => session.status === 'open')
            .map((session) => ({
              value: session.id,
              label: `${course.code} ${course.title} ${sessionWhen(session, language)} ${sessionWhere(session, t('courses.kind.elearning'))}`,
            })),
        )
      : [];
  const sessionId = form.sessionId || sessions[0]?.value || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let answer: Done | null = null;
    const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
    const ok = await submission.run(async () => {
      if (!form.reason.trim()) return [{ code: 'VALIDATION_FAILED', field: 'reason' }];
      const result = await enrollmentsApi.paperApplication({
        sessionId,
        reason: form.reason.trim(),
        ...(who === 'existing'
          ? { userId: form.userId.trim() }
          : {
              newCustomer: {
                email: form.email.trim(),
                profile: {
                  name: form.name.trim(),
                  nameKana: form.nameKana.trim(),
                  ...(optional(form.phone) ? { phone: optional(form.phone) } : {}),
                },
                language: form.language === 'en' ? 'en' : 'ja',
              },
            }),
      });
      if ('problems' in result)
        return result.problems.map((problem) =>
          problem.code === 'ACCOUNT_NOT_FOUND' ? { ...problem, field: 'userId' } : problem,
        );
      answer = result.data;
      return null;
    });
    if (ok && answer) setDone(answer);
  };

  if (done) {
    const userId = done.registeredUserId ?? done.applicant.userId;
    return (
      <section className="card">
        <StepHeading>{t('console.paperDoneTitle')}</StepHeading>
        <dl className="summary">
          <div className="summary__row">
            <dt>{t('applications.number')}</dt>
            <dd>{done.number}</dd>
          </div>
          <div className="summary__row">
            <dt>{t('myPage.userId')}</dt>
            <dd>{userId}</dd>
          </div>
          <div className="summary__row">
            <dt>{t('courses.date')}</dt>
            <dd>
              {done.session.course.title} {sessionWhen(done.session, language)}
            </dd>
          </div>
        </dl>
        {done.registeredUserId ? <p role="status">{t('console.paperRegistered')}</p> : null}
        <p>
          <Link to={`/console/applications?userId=${encodeURIComponent(userId)}`}>
            {t('console.paperToApplications')}
          </Link>{' '}
          ·{' '}
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              reset();
              submission.clear();
              setDone(null);
            }}
          >
            {t('console.paperAnother')}
          </button>
        </p>
      </section>
    );
  }

  return (
    <section className="card">
      <StepHeading>{t('console.paperTitle')}</StepHeading>
      <p>{t('console.paperIntro')}</p>
      {loaded.state === 'failed' ? <FormProblems problems={loaded.problems} /> : null}
      <FormProblems problems={submission.problems} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        {sessions.length === 0 && loaded.state === 'ready' ? (
          <p>{t('console.paperNoSessions')}</p>
        ) : (
          <SelectField
            {...field('sessionId', submission.problems)}
            value={sessionId}
            label={t('console.paperSession')}
            options={sessions}
          />
        )}
        <fieldset className="choices">
          <legend>{t('console.paperWho')}</legend>
          <div className="checkbox">
            <input
              id="paper-existing"
              type="radio"
              name="who"
              checked={who === 'existing'}
              onChange={() => setWho('existing')}
            />
            <label htmlFor="paper-existing">{t('console.paperExisting')}</label>
          </div>
          <div className="checkbox">
            <input
              id="paper-new"
              type="radio"
              name="who"
              checked={who === 'new'}
              onChange={() => setWho('new')}
            />
            <label htmlFor="paper-new">{t('console.paperNew')}</label>
          </div>
        </fieldset>
        {who === 'existing' ? (
          <Field
            {...field('userId', submission.problems)}
            label={t('myPage.userId')}
            halfWidthOnly
            required
            autoComplete="off"
          />
        ) : (
          <>
            <Field
              {...field('email', submission.problems)}
              label={t('register.email')}
              type="email"
              halfWidthOnly
              required
              autoComplete="off"
            />
            <Field {...field('name', submission.problems)} label={t('myPage.name')} required />
            <Field
              {...field('nameKana', submission.problems)}
              label={t('myPage.nameKana')}
              required
            />
            <Field
              {...field('phone', submission.problems)}
              label={t('register.phone')}
              type="tel"
              halfWidthOnly
            />
            <SelectField
              {...field('language', submission.problems)}
              label={t('console.mailLanguage')}
              options={languages}
            />
          </>
        )}
        <TextAreaField
          {...field('reason', submission.problems)}
          label={t('console.reason')}
          hint={t('console.reasonHint')}
          required
          maxLength={500}
          rows={3}
        />
        <FormActions submitLabel={t('console.paperSubmit')} busy={submission.busy} />
      </form>
    </section>
  );
}
