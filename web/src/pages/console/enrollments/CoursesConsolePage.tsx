import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { enrollmentsApi, problemsOrNull } from '../../../api/enrollments';
import type { CourseKind, CourseWithSessions, Session } from '../../../api/enrollments';
import { Disclosure } from '../../../components/Disclosure';
import { Field } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';
import { FormProblems } from '../../../components/FormProblems';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { SelectField } from '../../../components/SelectField';
import { StepHeading } from '../../../components/StepHeading';
import { useFields } from '../../../components/use-fields';
import { useSubmission } from '../../../components/use-submission';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/ja';
import { sessionWhen, sessionWhere } from '../../courses/session-labels';
import { useLoad } from '../use-load';

const KINDS: CourseKind[] = ['classroom', 'elearning'];
const kindLabel = (kind: CourseKind) => `courses.kind.${kind}` as MessageKey;
export const sessionStatusLabel = (session: Session) =>
  `console.sessionStatus.${session.status}` as MessageKey;

/** The course catalogue for staff: courses, their sessions, new courses and sessions, open/close. */
export function CoursesConsolePage() {
  const { t } = useI18n();
  const { loaded, reload } = useLoad(() => enrollmentsApi.courses(), []);
  const [created, setCreated] = useState<string | null>(null);
  return (
    <>
      <section className="card">
        <StepHeading>{t('console.coursesTitle')}</StepHeading>
        <p>{t('console.coursesIntro')}</p>
      </section>
      <NewCourseSection
        onCreated={(code) => {
          setCreated(code);
          reload();
        }}
      />
      {created ? (
        <Notice key={created}>
          {t('console.courseCreated')} {created}
        </Notice>
      ) : null}
      {loaded.state === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {loaded.state === 'failed' ? <FormProblems problems={loaded.problems} /> : null}
      {loaded.state === 'ready' && loaded.data.items.length === 0 ? (
        <p>{t('console.coursesEmpty')}</p>
      ) : null}
      {loaded.state === 'ready'
        ? loaded.data.items.map((course) => (
            <CourseSection key={course.id} course={course} onChanged={reload} />
          ))
        : null}
    </>
  );
}

function NewCourseSection({ onCreated }: { onCreated(code: string): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const submission = useSubmission();
  const { form, field, reset } = useFields(() => ({ code: '', title: '', kind: 'classroom' }));
  const [qaEligible, setQaEligible] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.run(async () =>
      problemsOrNull(
        await enrollmentsApi.createCourse({
          code: form.code.trim(),
          title: form.title.trim(),
          kind: form.kind === 'elearning' ? 'elearning' : 'classroom',
          qaEligible,
        }),
      ),
    );
    if (ok) {
      const code = form.code.trim();
      reset();
      setQaEligible(false);
      setOpen(false);
      onCreated(code);
    }
  };
  return (
    <Section title={t('console.newCourse')}>
      <Disclosure label={t('console.newCourse')} open={open} onOpenChange={setOpen}>
        <FormProblems problems={submission.problems} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Field
            {...field('code', submission.problems)}
            label={t('console.courseCode')}
            hint={t('console.courseCodeHint')}
            halfWidthOnly
            required
            autoComplete="off"
          />
          <Field
            {...field('title', submission.problems)}
            label={t('console.courseTitle')}
            required
          />
          <SelectField
            {...field('kind', submission.problems)}
            label={t('console.courseKind')}
            options={KINDS.map((kind) => ({ value: kind, label: t(kindLabel(kind)) }))}
          />
          <div className="checkbox">
            <input
              id="course-qa"
              type="checkbox"
              checked={qaEligible}
              onChange={(event) => setQaEligible(event.target.checked)}
            />
            <label htmlFor="course-qa">{t('console.courseQa')}</label>
          </div>
          <FormActions submitLabel={t('console.createCourse')} busy={submission.busy} />
        </form>
      </Disclosure>
    </Section>
  );
}

function CourseSection({ course, onChanged }: { course: CourseWithSessions; onChanged(): void }) {
  const { t, language } = useI18n();
  const submission = useSubmission();
  const toggle = async (session: Session) => {
    await submission.run(async () =>
      problemsOrNull(
        session.status === 'open'
          ? await enrollmentsApi.closeSession(session.id)
          : await enrollmentsApi.openSession(session.id),
      ),
    );
    onChanged();
  };
  return (
    <Section title={`${course.code} ${course.title}`}>
      <p>
        {t(kindLabel(course.kind))}
        {course.qaEligible ? ` · ${t('courses.qaIncluded')}` : ''}
      </p>
      <FormProblems problems={submission.problems} />
      {course.sessions.length === 0 ? (
        <p>{t('console.sessionsEmpty')}</p>
      ) : (
        <ul className="console-list">
          {course.sessions.map((session) => (
            <li key={session.id} className="console-list__item">
              <p className="console-list__title">
                <Link to={`/console/sessions/${session.id}`}>
                  {sessionWhen(session, language)}{' '}
                  {sessionWhere(session, t('courses.kind.elearning'))}
                </Link>
              </p>
              <p>
                {t('console.sessionStatusLabel')}: {t(sessionStatusLabel(session))} ·{' '}
                {t('console.seats')}: {session.seatsTaken} /{' '}
                {session.capacity ?? t('courses.unlimited')}
              </p>
              <button
                type="button"
                className="button button--secondary"
                disabled={submission.busy}
                onClick={() => void toggle(session)}
              >
                {session.status === 'open' ? t('console.closeSession') : t('console.openSession')}
                <span className="visually-hidden"> {sessionWhen(session, language)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <NewSessionForm course={course} onScheduled={onChanged} />
    </Section>
  );
}

function NewSessionForm({
  course,
  onScheduled,
}: {
  course: CourseWithSessions;
  onScheduled(): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const submission = useSubmission();
  const { form, field, reset } = useFields(() => ({
    date: '',
    venue: '',
    capacity: '',
    accessStart: '',
    accessEnd: '',
  }));
  const capacity = form.capacity.trim() === '' ? undefined : Number(form.capacity);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submission.run(async () =>
      problemsOrNull(
        await enrollmentsApi.scheduleSession(
          course.id,
          course.kind === 'classroom'
            ? { date: form.date, venue: form.venue.trim(), capacity: capacity ?? 0 }
            : {
                accessStart: form.accessStart,
                accessEnd: form.accessEnd,
                ...(capacity === undefined ? {} : { capacity }),
              },
        ),
      ),
    );
    if (ok) {
      reset();
      setOpen(false);
      onScheduled();
    }
  };
  return (
    <Disclosure
      label={`${t('console.newSession')}: ${course.code}`}
      open={open}
      onOpenChange={setOpen}
    >
      <FormProblems problems={submission.problems} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        {course.kind === 'classroom' ? (
          <>
            <Field
              {...field('date', submission.problems)}
              type="date"
              label={t('courses.date')}
              required
            />
            <Field {...field('venue', submission.problems)} label={t('courses.venue')} required />
            <Field
              {...field('capacity', submission.problems)}
              type="number"
              min={1}
              max={1000}
              label={t('console.capacity')}
              hint={t('console.capacityHint')}
              required
            />
          </>
        ) : (
          <>
            <Field
              {...field('accessStart', submission.problems)}
              type="date"
              label={t('console.accessStart')}
              required
            />
            <Field
              {...field('accessEnd', submission.problems)}
              type="date"
              label={t('console.accessEnd')}
              required
            />
            <Field
              {...field('capacity', submission.problems)}
              type="number"
              min={1}
              label={t('console.capacity')}
              hint={t('console.capacityOptionalHint')}
            />
          </>
        )}
        <FormActions submitLabel={t('console.scheduleSession')} busy={submission.busy} />
      </form>
    </Disclosure>
  );
}
