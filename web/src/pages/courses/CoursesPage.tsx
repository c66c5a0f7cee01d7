import { useState } from 'react';
import { Link } from 'react-router';
import { enrollmentsApi } from '../../api/enrollments';
import type { Application, Session } from '../../api/enrollments';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { StepHeading } from '../../components/StepHeading';
import { formatDate, formatJapanDateTime } from '../../i18n/dates';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../../session/use-me';

import { useLoad } from '../console/use-load';
import { ApplyForm } from './ApplyForm';
import { sessionWhen, sessionWhere } from './session-labels';

/**
 * The open sessions (public). A logged-in customer applies from here: an individual for itself,
 * a corporate account for its staff (and itself), a group account also for its members.
 */
export function CoursesPage() {
  const { t, language } = useI18n();
  const me = useMe();
  const { loaded, reload } = useLoad(() => enrollmentsApi.openSessions(), []);
  const [chosen, setChosen] = useState<Session | null>(null);
  const [applied, setApplied] = useState<Application | null>(null);

  return (
    <div className="stack">
      <section className="card">
        <StepHeading>{t('courses.title')}</StepHeading>
        <p>{t('courses.intro')}</p>
        {me.state === 'ready' ? (
          <p>
            <Link to="/mypage/applications">{t('courses.toHistory')}</Link>
          </p>
        ) : null}
        {me.state === 'signedOut' ? (
          <p>
            <Link to="/login">{t('courses.loginToApply')}</Link>
          </p>
        ) : null}
      </section>
      {applied ? (
        <Notice key={applied.id}>
          <p>
            {t('courses.applied')} {t('applications.number')}: <strong>{applied.number}</strong>
          </p>
          <p>
            <Link to="/mypage/applications">{t('courses.toHistory')}</Link>
          </p>
        </Notice>
      ) : null}
      {chosen && me.state === 'ready' ? (
        <ApplyForm
          key={chosen.id}
          session={chosen}
          me={me.me}
          onApplied={(application) => {
            setChosen(null);
            setApplied(application);
            reload();
          }}
          onCancel={() => setChosen(null)}
        />
      ) : null}
      <Section title={t('courses.listTitle')}>
        {loaded.state === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
        {loaded.state === 'failed' ? <FormProblems problems={loaded.problems} /> : null}
        {loaded.state === 'ready' && loaded.data.items.length === 0 ? (
          <p>{t('courses.empty')}</p>
        ) : null}
        {loaded.state === 'ready' && loaded.data.items.length > 0 ? (
          <ul className="console-list">
            {loaded.data.items.map((session) => (
              <li key={session.id} className="console-list__item">
                <h3 className="console-list__title">{session.course.title}</h3>
                <dl className="summary">
                  <div className="summary__row">
                    <dt>{t('courses.code')}</dt>
                    <dd>{session.course.code}</dd>
                  </div>
                  <div className="summary__row">
                    <dt>
                      {session.course.kind === 'elearning'
                        ? t('courses.accessPeriod')
                        : t('courses.date')}
                    </dt>
                    <dd>{sessionWhen(session, language)}</dd>
                  </div>
                  <div className="summary__row">
                    <dt>{t('courses.venue')}</dt>
                    <dd>{sessionWhere(session, t('courses.kind.elearning'))}</dd>
                  </div>
                  <div className="summary__row">
                    <dt>{t('courses.seatsLeft')}</dt>
                    <dd>
                      {session.seatsLeft === null ? t('courses.unlimited') : session.seatsLeft}
                    </dd>
                  </div>
                  <div className="summary__row">
                    <dt>{t('courses.cancellationDeadline')}</dt>
                    <dd>{formatJapanDateTime(session.cancellationDeadline, language)}</dd>
                  </div>
                  {session.course.qaEligible ? (
                    <div className="summary__row">
                      <dt>{t('courses.qa')}</dt>
                      <dd>{t('courses.qaIncluded')}</dd>
                    </div>
                  ) : null}
                </dl>
                {me.state === 'ready' ? (
                  <button
                    type="button"
                    className="button button--primary"
                    aria-label={`${t('courses.apply')}: ${session.course.title} ${formatDate(session.date, language)}`}
                    onClick={() => {
                      setApplied(null);
                      setChosen(session);
                    }}
                  >
                    {t('courses.apply')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
    </div>
  );
}
