import type { ReactNode } from 'react';
import { isLive } from '../../api/enrollments';
import type { Application, Attendee } from '../../api/enrollments';
import { formatDate, formatJapanDateTime } from '../../i18n/dates';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/ja';

import { sessionWhen, sessionWhere } from '../courses/session-labels';

export const attendeeStatusLabel = (attendee: Attendee) =>
  `applications.status.${attendee.status}` as MessageKey;

/**
 * One application as its customer and staff read it: number, course, date, venue, and each
 * attendee with its status; `documents` and `actions` add what the viewer may do.
 */
export function ApplicationCard({
  application,
  documents,
  actions,
}: {
  application: Application;
  documents?(attendee: Attendee): ReactNode;
  actions?: ReactNode;
}) {
  const { t, language } = useI18n();
  const { session } = application;
  return (
    <article className="console-list__item application" aria-labelledby={`app-${application.id}`}>
      <h3 id={`app-${application.id}`} className="console-list__title">
        {application.number} {session.course.title}
      </h3>
      <dl className="summary">
        <div className="summary__row">
          <dt>{t('applications.number')}</dt>
          <dd>{application.number}</dd>
        </div>
        <div className="summary__row">
          <dt>{t('courses.date')}</dt>
          <dd>{sessionWhen(session, language)}</dd>
        </div>
        <div className="summary__row">
          <dt>{t('courses.venue')}</dt>
          <dd>{sessionWhere(session, t('courses.kind.elearning'))}</dd>
        </div>
        <div className="summary__row">
          <dt>{t('applications.appliedAt')}</dt>
          <dd>
            {formatJapanDateTime(application.createdAt, language)}
            {application.channel === 'paper' ? ` (${t('applications.paper')})` : ''}
          </dd>
        </div>
        <div className="summary__row">
          <dt>{t('courses.cancellationDeadline')}</dt>
          <dd>{formatJapanDateTime(session.cancellationDeadline, language)}</dd>
        </div>
      </dl>
      <h4>{t('applications.attendees')}</h4>
      <ul className="attendees">
        {application.attendees.map((attendee) => (
          <li key={attendee.id} className="attendees__item">
            <p>
              <strong>{attendee.name ?? '—'}</strong>
              {attendee.userId ? ` (${attendee.userId})` : ''} ·{' '}
              <span className={`badge${attendee.status === 'cancelled' ? '' : ' badge--ok'}`}>
                {t(attendeeStatusLabel(attendee))}
              </span>
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
            {attendee.qa?.lastDay &&
            (attendee.status === 'confirmed' || attendee.status === 'completed') ? (
              <p>
                {t('applications.qa')}: {t('applications.qaUntilPrefix')}
                {formatDate(attendee.qa.lastDay, language)}
                {t('applications.qaUntilSuffix')}
              </p>
            ) : null}
            {documents?.(attendee)}
          </li>
        ))}
      </ul>
      {actions}
    </article>
  );
}

export const liveAttendees = (application: Application) => application.attendees.filter(isLive);
