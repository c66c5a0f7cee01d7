import { useState } from 'react';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { StepHeading } from '../../components/StepHeading';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from './format';
import { useLoad } from './use-load';

/** Mails whose delivery gave up, newest first, each sent again on request (no secret shown). */
export function FailedMailsPage() {
  const { t, language } = useI18n();
  const { loaded, reload } = useLoad(async () => {
    const { data, error } = await api.GET('/api/v1/admin/support/failed-mails');
    return data ? { data } : { problems: problemsOf(error) };
  }, []);
  const [retried, setRetried] = useState(0);
  const submission = useSubmission();
  const retry = async (jobId: string) => {
    const ok = await submission.run(async () => {
      const { error, response } = await api.POST(
        '/api/v1/admin/support/failed-mails/{jobId}/retry',
        { params: { path: { jobId } } },
      );
      return response.ok ? null : problemsOf(error);
    });
    if (ok) {
      setRetried((n) => n + 1);
      reload();
    }
  };
  return (
    <>
      <section className="card">
        <StepHeading>{t('console.failedMailsTitle')}</StepHeading>
        <p>{t('console.failedMailsIntro')}</p>
      </section>
      <Section title={t('console.failedMailsList')}>
        {retried > 0 ? <Notice key={retried}>{t('console.failedMailRetried')}</Notice> : null}
        <FormProblems problems={submission.problems} />
        {loaded.state === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
        {loaded.state === 'failed' ? <FormProblems problems={loaded.problems} /> : null}
        {loaded.state === 'ready' && loaded.data.items.length === 0 ? (
          <p>{t('console.failedMailsEmpty')}</p>
        ) : null}
        {loaded.state === 'ready' && loaded.data.items.length > 0 ? (
          <ul className="console-list">
            {loaded.data.items.map((mail) => (
              <li key={mail.jobId} className="console-list__item">
                <p className="console-list__title">
                  <code>{mail.eventType}</code>
                </p>
                <p>
                  {formatDateTime(mail.failedAt, language)} · {t('console.attempts')}{' '}
                  {mail.attempts}
                </p>
                <p className="timeline__meta">{mail.error}</p>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={submission.busy}
                  onClick={() => void retry(mail.jobId)}
                >
                  {t('console.retryMail')}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
    </>
  );
}
