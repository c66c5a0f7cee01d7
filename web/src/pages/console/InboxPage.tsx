import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { FormProblems } from '../../components/FormProblems';
import { Section } from '../../components/Section';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/ja';
import { categoryKey } from '../contact/ContactPage';
import { formatAge, formatDateTime } from './format';
import { useLoad } from './use-load';

type Status = Schemas['SupportRequestSummaryDto']['status'];
type Summary = Schemas['SupportRequestSummaryDto'];
const STATUSES: Status[] = ['open', 'in_progress', 'closed'];
export const statusKey = (status: Status) => `console.status.${status}` as MessageKey;

/** The inbox: support requests in one status, oldest first, with age, category and account. */
export function InboxPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status>('open');
  return (
    <>
      <section className="card">
        <StepHeading>{t('console.inboxTitle')}</StepHeading>
        <div className="tabs" role="group" aria-label={t('console.statusFilter')}>
          {STATUSES.map((value) => (
            <button
              key={value}
              type="button"
              className="button button--secondary"
              aria-pressed={status === value}
              onClick={() => setStatus(value)}
            >
              {t(statusKey(value))}
            </button>
          ))}
        </div>
      </section>
      <RequestList status={status} />
    </>
  );
}

function RequestList({ status }: { status: Status }) {
  const { t, language } = useI18n();
  const { loaded } = useLoad(async () => {
    const { data, error } = await api.GET('/api/v1/admin/support/requests', {
      params: { query: { status, pageSize: 100 } },
    });
    return data ? { data } : { problems: problemsOf(error) };
  }, [status]);
  return (
    <Section title={t(statusKey(status))}>
      {loaded.state === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {loaded.state === 'failed' ? <FormProblems problems={loaded.problems} /> : null}
      {loaded.state === 'ready' ? (
        loaded.data.items.length === 0 ? (
          <p>{t('console.inboxEmpty')}</p>
        ) : (
          <ul className="console-list">
            {loaded.data.items.map((request) => (
              <li key={request.id} className="console-list__item">
                <RequestSummary request={request} language={language} />
              </li>
            ))}
          </ul>
        )
      ) : null}
    </Section>
  );
}

export function RequestSummary({
  request,
  language,
  linked = true,
}: {
  request: Summary;
  language: 'ja' | 'en';
  /** False on the request's own page: the title is then plain text. */
  linked?: boolean;
}) {
  const { t } = useI18n();
  const title = `${request.requestNumber} ${t(categoryKey(request.category))}`;
  return (
    <>
      <p className="console-list__title">
        {linked ? <Link to={`/console/requests/${request.id}`}>{title}</Link> : title}
      </p>
      <dl className="summary summary--compact">
        <div className="summary__row">
          <dt>{t('console.received')}</dt>
          <dd>
            {formatDateTime(request.receivedAt, language)} ({t('console.age')}{' '}
            {formatAge(request.ageSeconds, language)})
          </dd>
        </div>
        <div className="summary__row">
          <dt>{t('console.account')}</dt>
          <dd>
            {request.linkedUserId ? (
              <>
                <Link to={`/console/accounts/${encodeURIComponent(request.linkedUserId)}`}>
                  {request.linkedUserId}
                </Link>{' '}
                <span className="badge badge--ok">{t('console.linked')}</span>
              </>
            ) : (
              <>
                {request.userId ?? '—'}{' '}
                <span className="badge badge--warn">{t('console.unverified')}</span>
              </>
            )}
          </dd>
        </div>
        <div className="summary__row">
          <dt>{t('register.email')}</dt>
          <dd>{request.email}</dd>
        </div>
      </dl>
    </>
  );
}
