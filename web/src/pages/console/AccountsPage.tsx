import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { Section } from '../../components/Section';
import { StepHeading } from '../../components/StepHeading';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import { Badges } from './Badges';

type Page = Schemas['SupportAccountPageDto'];

/** Account search (user ID, address, name, kana, company, group) with each account's badges. */
export function AccountsPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [result, setResult] = useState<Page | null>(null);
  const submission = useSubmission();
  const search = async (event: FormEvent) => {
    event.preventDefault();
    await submission.run(async () => {
      const text = q.trim();
      const { data, error } = await api.GET('/api/v1/admin/support/accounts', {
        params: { query: { ...(text ? { q: text } : {}), pageSize: 50 } },
      });
      if (!data) return problemsOf(error, { q: 'q' });
      setResult(data);
      return null;
    });
  };
  return (
    <>
      <section className="card">
        <StepHeading>{t('console.accountsTitle')}</StepHeading>
        <FormProblems problems={submission.problems} />
        <form role="search" onSubmit={(event) => void search(event)} noValidate>
          <Field
            name="q"
            type="search"
            label={t('console.searchLabel')}
            hint={t('console.searchHint')}
            value={q}
            onValueChange={setQ}
            problems={submission.problems}
          />
          <FormActions submitLabel={t('console.search')} busy={submission.busy} />
        </form>
      </section>
      {result ? (
        <Section title={t('console.searchResults')}>
          <p role="status">
            {t('console.resultCount')} {result.total}
          </p>
          <ul className="console-list">
            {result.items.map((account) => (
              <li key={account.accountId} className="console-list__item">
                <p className="console-list__title">
                  <Link to={`/console/accounts/${encodeURIComponent(account.userId)}`}>
                    {account.userId}
                  </Link>{' '}
                  {account.name ?? ''}
                </p>
                <p>
                  {t(`register.type.${account.type}` as 'register.type.individual')} ·{' '}
                  {t(`console.accountStatus.${account.status}` as 'console.accountStatus.active')} ·{' '}
                  {account.email ?? '—'}
                </p>
                <Badges badges={account.badges} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
