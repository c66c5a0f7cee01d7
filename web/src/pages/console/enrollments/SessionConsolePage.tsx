import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { enrollmentsApi } from '../../../api/enrollments';
import { FormProblems } from '../../../components/FormProblems';
import { Notice } from '../../../components/Notice';
import { Section } from '../../../components/Section';
import { StepHeading } from '../../../components/StepHeading';
import { TextAreaField } from '../../../components/TextAreaField';
import { useSubmission } from '../../../components/use-submission';
import { useI18n } from '../../../i18n/i18n';
import { attendeeStatusLabel } from '../../applications/ApplicationCard';
import { sessionWhen, sessionWhere } from '../../courses/session-labels';
import { useLoad } from '../use-load';
import { sessionStatusLabel } from './CoursesConsolePage';

type Step = 'confirm' | 'complete';

/**
 * A session's attendees: staff tick the ones to confirm (tickets issued) or to record as
 * completed (certificates issued), and send them in one step; the API leaves the others alone.
 */
export function SessionConsolePage() {
  const { t, language } = useI18n();
  const { sessionId = '' } = useParams();
  const { loaded, reload } = useLoad(() => enrollmentsApi.session(sessionId), [sessionId]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<{ step: Step; count: number; n: number } | null>(null);
  const submission = useSubmission();

  if (loaded.state === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (loaded.state === 'failed') return <FormProblems problems={loaded.problems} />;
  const session = loaded.data;

  const act = async (step: Step) => {
    let count = 0;
    const ok = await submission.run(async () => {
      if (chosen.length === 0) return [{ code: 'VALIDATION_FAILED', field: null }];
      const result =
        step === 'confirm'
          ? await enrollmentsApi.confirm(session.id, chosen, reason.trim() || undefined)
          : await enrollmentsApi.complete(session.id, chosen, reason.trim() || undefined);
      if ('problems' in result) return result.problems;
      count = 'confirmed' in result.data ? result.data.confirmed : result.data.completed;
      return null;
    });
    if (ok) {
      setOutcome((o) => ({ step, count, n: (o?.n ?? 0) + 1 }));
      setChosen([]);
      setReason('');
      reload();
    }
  };
  const allIds = session.attendees.filter((a) => a.status !== 'cancelled').map((a) => a.id);

  return (
    <>
      <section className="card">
        <StepHeading>
          {t('console.sessionTitle')}: {session.course.title} {sessionWhen(session, language)}
        </StepHeading>
        <dl className="summary">
          <div className="summary__row">
            <dt>{t('courses.code')}</dt>
            <dd>{session.course.code}</dd>
          </div>
          <div className="summary__row">
            <dt>{t('courses.venue')}</dt>
            <dd>{sessionWhere(session, t('courses.kind.elearning'))}</dd>
          </div>
          <div className="summary__row">
            <dt>{t('console.sessionStatusLabel')}</dt>
            <dd>{t(sessionStatusLabel(session))}</dd>
          </div>
          <div className="summary__row">
            <dt>{t('console.seats')}</dt>
            <dd>
              {session.seatsTaken} / {session.capacity ?? t('courses.unlimited')}
            </dd>
          </div>
        </dl>
        <p>
          <Link to="/console/courses">{t('console.toCourses')}</Link>
        </p>
      </section>
      <Section title={t('console.attendeesTitle')}>
        {outcome ? (
          <Notice key={outcome.n}>
            {t(outcome.step === 'confirm' ? 'console.confirmedCount' : 'console.completedCount')}{' '}
            {outcome.count}
          </Notice>
        ) : null}
        <FormProblems problems={submission.problems} />
        {session.attendees.length === 0 ? (
          <p>{t('console.attendeesEmpty')}</p>
        ) : (
          <>
            <div className="checkbox">
              <input
                id="attendees-all"
                type="checkbox"
                checked={allIds.length > 0 && allIds.every((id) => chosen.includes(id))}
                onChange={(event) => setChosen(event.target.checked ? allIds : [])}
              />
              <label htmlFor="attendees-all">{t('console.selectAll')}</label>
            </div>
            <ul className="console-list">
              {session.attendees.map((attendee) => (
                <li key={attendee.id} className="console-list__item">
                  <div className="checkbox checkbox--tight">
                    <input
                      type="checkbox"
                      id={`attendee-${attendee.id}`}
                      disabled={attendee.status === 'cancelled'}
                      checked={chosen.includes(attendee.id)}
                      onChange={(event) =>
                        setChosen((all) =>
                          event.target.checked
                            ? [...all, attendee.id]
                            : all.filter((id) => id !== attendee.id),
                        )
                      }
                    />
                    <label htmlFor={`attendee-${attendee.id}`}>
                      {attendee.name ?? attendee.userId ?? '—'}
                    </label>
                    <span className={`badge${attendee.status === 'cancelled' ? '' : ' badge--ok'}`}>
                      {t(attendeeStatusLabel(attendee))}
                    </span>
                  </div>
                  <p className="timeline__meta">
                    {[attendee.nameKana, attendee.email, attendee.userId]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <p>
                    {t('applications.number')}: {attendee.applicationNumber} ·{' '}
                    {t('console.applicant')}:{' '}
                    <Link
                      to={`/console/applications?userId=${encodeURIComponent(attendee.applicant.userId)}`}
                    >
                      {attendee.applicant.userId}
                    </Link>
                  </p>
                  {attendee.ticketNumber ? (
                    <p>
                      {t('applications.ticketNumber')}: {attendee.ticketNumber}
                    </p>
                  ) : null}
                  {attendee.certificateNumber ? (
                    <p>
                      {t('applications.certificateNumber')}: {attendee.certificateNumber}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
            <TextAreaField
              name="reason"
              label={t('console.reason')}
              hint={t('console.reasonHint')}
              value={reason}
              onValueChange={setReason}
              maxLength={500}
              rows={2}
              problems={submission.problems}
            />
            <div className="actions">
              <button
                type="button"
                className="button button--primary"
                disabled={submission.busy}
                onClick={() => void act('confirm')}
              >
                {t('console.confirmAttendees')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={submission.busy}
                onClick={() => void act('complete')}
              >
                {t('console.completeAttendees')}
              </button>
            </div>
          </>
        )}
      </Section>
    </>
  );
}
