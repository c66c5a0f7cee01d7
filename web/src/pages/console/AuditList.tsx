import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from './format';

export interface AuditEntry {
  eventId: string;
  type: string;
  occurredAt: string;
  actorAccountId: string | null;
  staffReason: string | null;
  supportRequestId: string | null;
  clientIp: string | null;
}

/** Audit entries as a timeline: when, what (the event type), who acted and why. */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  const { t, language } = useI18n();
  if (entries.length === 0) return <p>{t('console.auditEmpty')}</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.eventId} className="timeline__item">
          <p className="timeline__what">
            <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, language)}</time>{' '}
            <code>{entry.type}</code>
          </p>
          {entry.staffReason ? (
            <p>
              {t('console.reason')}: {entry.staffReason}
            </p>
          ) : null}
          {entry.actorAccountId ? (
            <p className="timeline__meta">
              {t('console.actor')}: {entry.actorAccountId}
            </p>
          ) : null}
          {entry.clientIp ? (
            <p className="timeline__meta">
              {t('console.clientIp')}: {entry.clientIp}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
