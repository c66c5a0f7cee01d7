import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { certificateUrl, enrollmentsApi, problemsOrNull, ticketUrl } from '../../api/enrollments';
import type { Application, Attendee } from '../../api/enrollments';
import { networkProblem } from '../../api/network';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../../session/use-me';
import { useLoad } from '../console/use-load';
import { ApplicationCard, liveAttendees } from './ApplicationCard';
import { CancelButton } from './CancelButton';

/**
 * The customer's applications (申込み履歴): each attendee's status, the ticket and certificate
 * downloads, the QA service's last day, and the cancellation while the API allows it.
 */
export function ApplicationsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { loaded, reload } = useLoad(() => enrollmentsApi.myApplications(), []);
  const [cancelled, setCancelled] = useState(0);

  if (me.state === 'signedOut') return <Navigate to="/login" replace />;
  if (me.state === 'failed') return <FormProblems problems={[networkProblem]} />;
  if (me.state === 'loading') return <p role="status">{t('app.loading')}</p>;

  const documents = (application: Application) => (attendee: Attendee) => {
    const ticket =
      attendee.ticketNumber && application.session.course.kind === 'classroom'
        ? ticketUrl(application.id, attendee.id)
        : null;
    const certificate = attendee.certificateNumber
      ? certificateUrl(application.id, attendee.id)
      : null;
    if (!ticket && !certificate) return null;
    const who = attendee.name ?? attendee.userId ?? '';
    return (
      <p className="documents">
        {ticket ? (
          <a href={ticket} download={`ticket-${attendee.ticketNumber}.pdf`}>
            {t('applications.ticket')} ({who}, PDF)
          </a>
        ) : null}
        {ticket && certificate ? ' · ' : null}
        {certificate ? (
          <a href={certificate} download={`certificate-${attendee.certificateNumber}.pdf`}>
            {t('applications.certificate')} ({who}, PDF)
          </a>
        ) : null}
      </p>
    );
  };

  return (
    <div className="stack">
      <section className="card">
        <StepHeading>{t('applications.title')}</StepHeading>
        <p>{t('applications.intro')}</p>
        <p>
          <Link to="/courses">{t('applications.toCourses')}</Link> ·{' '}
          <Link to="/mypage">{t('members.toMyPage')}</Link>
        </p>
      </section>
      <Section title={t('applications.listTitle')}>
        {cancelled > 0 ? <Notice key={cancelled}>{t('applications.cancelled')}</Notice> : null}
        {loaded.state === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
        {loaded.state === 'failed' ? <FormProblems problems={loaded.problems} /> : null}
        {loaded.state === 'ready' && loaded.data.items.length === 0 ? (
          <p>{t('applications.empty')}</p>
        ) : null}
        {loaded.state === 'ready' && loaded.data.items.length > 0 ? (
          <ul className="console-list">
            {loaded.data.items.map((application) => (
              <li key={application.id}>
                <ApplicationCard
                  application={application}
                  documents={documents(application)}
                  actions={
                    new Date(application.session.cancellationDeadline) > new Date() ? (
                      <CancelButton
                        application={application}
                        cancellable={cancellableBy(application, me.me.userId)}
                        withReason={false}
                        send={async (attendeeIds) =>
                          problemsOrNull(
                            await enrollmentsApi.cancelMine(application.id, attendeeIds),
                          )
                        }
                        onCancelled={() => {
                          setCancelled((n) => n + 1);
                          reload();
                        }}
                      />
                    ) : null
                  }
                />
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
    </div>
  );
}

/**
 * The live seats `userId` may cancel: every one for the applicant; only its own for a member the
 * group applied for (the API refuses the others).
 */
function cancellableBy(application: Application, userId: string): Attendee[] {
  const live = liveAttendees(application);
  return application.applicant.userId === userId
    ? live
    : live.filter((attendee) => attendee.userId === userId);
}
