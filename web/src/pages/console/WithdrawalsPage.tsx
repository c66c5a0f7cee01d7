import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';
import { StaffActionButton } from './StaffActionButton';
import { formatDateTime } from './format';
import { useLoad } from './use-load';

/** Withdrawal requests, oldest first, each completed behind a reason confirmation. */
export function WithdrawalsPage() {
  const { t, language } = useI18n();
  const { loaded, reload } = useLoad(async () => {
    const { data, error } = await api.GET('/api/v1/admin/withdrawals', {
      params: { query: { pageSize: 100 } },
    });
    return data ? { data } : { problems: problemsOf(error) };
  }, []);
  // The completed account leaves the list: the outcome is said above it.
  const [completed, setCompleted] = useState<{ userId: string; n: number } | null>(null);
  return (
    <>
      <section className="card">
        <StepHeading>{t('console.withdrawalsTitle')}</StepHeading>
        <p>{t('console.withdrawalsIntro')}</p>
      </section>
      <Section title={t('console.withdrawalsList')}>
        {completed ? (
          <Notice key={completed.n}>
            {t('console.actionDone.completeWithdrawal')} <strong>{completed.userId}</strong>
          </Notice>
        ) : null}
        {loaded.state === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
        {loaded.state === 'failed' ? <FormProblems problems={loaded.problems} /> : null}
        {loaded.state === 'ready' && loaded.data.items.length === 0 ? (
          <p>{t('console.withdrawalsEmpty')}</p>
        ) : null}
        {loaded.state === 'ready' && loaded.data.items.length > 0 ? (
          <ul className="console-list">
            {[...loaded.data.items]
              .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
              .map((item) => (
                <li key={item.accountId} className="console-list__item">
                  <p className="console-list__title">
                    <Link to={`/console/accounts/${encodeURIComponent(item.userId)}`}>
                      {item.userId}
                    </Link>{' '}
                    {item.name}
                  </p>
                  <p>
                    {t('console.requestedAt')} {formatDateTime(item.requestedAt, language)} ·{' '}
                    {item.email}
                  </p>
                  {item.reason ? (
                    <p>
                      {t('console.withdrawalReason')}: {item.reason}
                    </p>
                  ) : null}
                  <StaffActionButton
                    kind="completeWithdrawal"
                    userId={item.userId}
                    quiet
                    onDone={() => {
                      setCompleted((c) => ({ userId: item.userId, n: (c?.n ?? 0) + 1 }));
                      reload();
                    }}
                  />
                </li>
              ))}
          </ul>
        ) : null}
      </Section>
    </>
  );
}
