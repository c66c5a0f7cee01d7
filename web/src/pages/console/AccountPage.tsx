import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { Section } from '../../components/Section';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/ja';
import { AuditList } from './AuditList';
import type { AuditEntry } from './AuditList';
import { Badges } from './Badges';
import { RequestSummary } from './InboxPage';
import { StaffActionButton } from './StaffActionButton';
import { StaffRolesSection } from './StaffRolesSection';
import { ACCOUNT_ACTIONS } from './staff-actions';
import { formatDateTime } from './format';
import { useLoad } from './use-load';

type Detail = Schemas['AccountDetailDto'];
interface TwoFactor {
  enabled?: boolean;
  enrolled?: boolean;
  locked?: boolean;
  requiredByGroup?: boolean;
}
interface Cooldown {
  coolingDownUntil?: string | null;
  consecutiveFailures?: number;
}
interface Group {
  groupId?: string;
  groupName?: string;
  isAdministrator?: boolean;
  joinedAt?: string;
}
interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  clientIp: string | null;
  userAgent: string | null;
}

/**
 * The account page: profile, status, group, two-factor and cool-down state, sessions, last
 * logins, open requests, the actions (each with a reason) and the audit timeline with filters.
 */
export function AccountPage() {
  const { t, language } = useI18n();
  const { userId = '' } = useParams();
  const { loaded, reload } = useLoad(async () => {
    const { data, error } = await api.GET('/api/v1/admin/support/accounts/{userId}', {
      params: { path: { userId } },
    });
    return data ? { data } : { problems: problemsOf(error) };
  }, [userId]);
  const [auditVersion, setAuditVersion] = useState(0);
  if (loaded.state === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (loaded.state === 'failed') return <FormProblems problems={loaded.problems} />;
  const view = loaded.data;
  const account = view.account as unknown as Detail;
  const twoFactor = view.twoFactor as unknown as TwoFactor;
  const cooldown = view.passwordCooldown as unknown as Cooldown;
  const group = view.group as unknown as Group | null;
  const sessions = view.sessions as unknown as Session[];
  const yes = (value: boolean | undefined) => t(value ? 'console.yes' : 'console.no');
  const rows: [MessageKey, string][] = [
    ['myPage.userId', account.userId],
    ['myPage.type', t(`register.type.${account.type}`)],
    ['console.statusLabel', t(`console.accountStatus.${account.status}`)],
    ['myPage.email', account.email ?? '—'],
    ['myPage.name', account.profile?.name ?? '—'],
    ['myPage.nameKana', account.profile?.nameKana ?? '—'],
    ['console.registeredAt', formatDateTime(account.registeredAt, language)],
    [
      'console.group',
      group
        ? `${group.groupName ?? ''}${group.isAdministrator ? ` (${t('console.groupAdmin')})` : ''}`
        : '—',
    ],
    ['console.twoFactorEnabled', yes(twoFactor.enabled)],
    ['console.twoFactorEnrolled', yes(twoFactor.enrolled)],
    ['console.twoFactorLocked', yes(twoFactor.locked)],
    ['console.cooldownUntil', formatDateTime(cooldown.coolingDownUntil, language)],
    ['console.consecutiveFailures', String(cooldown.consecutiveFailures ?? 0)],
    ['console.renewalRequired', yes(account.renewalRequired)],
  ];
  const acted = () => {
    reload();
    setAuditVersion((v) => v + 1);
  };
  return (
    <>
      <section className="card">
        <StepHeading>
          {t('console.accountTitle')} {account.userId}
        </StepHeading>
        <Badges badges={view.badges} />
        <dl className="summary">
          {rows.map(([key, value]) => (
            <div className="summary__row" key={key}>
              <dt>{t(key)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {group?.groupId ? (
          <p>
            <Link to={`/console/groups/${group.groupId}`}>{t('console.groupLink')}</Link>
          </p>
        ) : null}
      </section>
      {account.status !== 'withdrawn' ? (
        <Section title={t('console.accountActionsTitle')}>
          <div className="staff-actions">
            {ACCOUNT_ACTIONS.filter(
              (kind) => kind !== 'completeWithdrawal' || account.status === 'withdrawal_requested',
            ).map((kind) => (
              <StaffActionButton key={kind} kind={kind} userId={account.userId} onDone={acted} />
            ))}
          </div>
        </Section>
      ) : null}
      {account.status !== 'withdrawn' ? (
        <StaffRolesSection
          userId={account.userId}
          roles={view.badges.staffRoles}
          onChanged={acted}
        />
      ) : null}
      {view.openSupportRequests.length > 0 ? (
        <Section title={t('console.openRequests')}>
          <ul className="console-list">
            {view.openSupportRequests.map((request) => (
              <li key={request.id} className="console-list__item">
                <RequestSummary request={request} language={language} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section title={t('console.sessions')}>
        {sessions.length === 0 ? (
          <p>{t('console.noSessions')}</p>
        ) : (
          <ul className="console-list">
            {sessions.map((session) => (
              <li key={session.id} className="console-list__item">
                <p>
                  {t('console.sessionStarted')} {formatDateTime(session.createdAt, language)} ·{' '}
                  {t('console.sessionLastSeen')} {formatDateTime(session.lastSeenAt, language)}
                </p>
                <p className="timeline__meta">
                  {session.clientIp ?? '—'} · {session.userAgent ?? '—'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('console.lastLogins')}>
        <AuditList entries={view.lastLogins as unknown as AuditEntry[]} />
      </Section>
      <AuditSection userId={account.userId} version={auditVersion} />
    </>
  );
}

function AuditSection({ userId, version }: { userId: string; version: number }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ types: '', from: '', to: '' });
  const [filter, setFilter] = useState(form);
  const { loaded } = useLoad(async () => {
    const query = {
      limit: 100,
      ...(filter.types.trim() ? { types: filter.types.trim() } : {}),
      ...(filter.from ? { from: new Date(`${filter.from}T00:00:00`).toISOString() } : {}),
      ...(filter.to ? { to: new Date(`${filter.to}T00:00:00`).toISOString() } : {}),
    };
    const { data, error } = await api.GET('/api/v1/admin/accounts/{userId}/audit', {
      params: { path: { userId }, query },
    });
    return data ? { data } : { problems: problemsOf(error) };
  }, [userId, filter, version]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...form });
  };
  const bind = (key: keyof typeof form) => ({
    name: key,
    value: form[key],
    onValueChange: (value: string) => setForm((f) => ({ ...f, [key]: value })),
    problems: loaded.state === 'failed' ? loaded.problems : [],
  });
  return (
    <Section title={t('console.auditTitle')}>
      <form className="filters" onSubmit={apply} noValidate>
        <Field
          {...bind('types')}
          label={t('console.auditTypes')}
          hint={t('console.auditTypesHint')}
        />
        <Field {...bind('from')} type="date" label={t('console.auditFrom')} />
        <Field {...bind('to')} type="date" label={t('console.auditTo')} />
        <FormActions submitLabel={t('console.auditApply')} busy={loaded.state === 'loading'} />
      </form>
      {loaded.state === 'failed' ? <FormProblems problems={loaded.problems} /> : null}
      {loaded.state === 'ready' ? (
        <AuditList entries={loaded.data.items as unknown as AuditEntry[]} />
      ) : null}
    </Section>
  );
}
