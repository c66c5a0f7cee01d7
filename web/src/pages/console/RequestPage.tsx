import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { StepHeading } from '../../components/StepHeading';
import { TextAreaField } from '../../components/TextAreaField';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/ja';
import { RequestSummary, statusKey } from './InboxPage';
import { formatDateTime } from './format';
import { AuditList } from './AuditList';
import type { AuditEntry } from './AuditList';
import { StaffActionButton } from './StaffActionButton';
import { REQUEST_ACTIONS } from './staff-actions';
import { useLoad } from './use-load';

type Detail = Schemas['SupportRequestDetailDto'];

/**
 * One support request: the message, take / reply (mailed, closes) / close, and for a linked
 * account the matching actions, each sent with the reason and this request's ID.
 */
export function RequestPage() {
  const { t, language } = useI18n();
  const { id = '' } = useParams();
  const [notice, setNotice] = useState<{ key: MessageKey; n: number } | null>(null);
  const { loaded, reload } = useLoad(async () => {
    const { data, error } = await api.GET('/api/v1/admin/support/requests/{id}', {
      params: { path: { id } },
    });
    return data ? { data } : { problems: problemsOf(error) };
  }, [id]);
  const [override, setOverride] = useState<Detail | null>(null);
  const take = useSubmission();
  const close = useSubmission();

  if (loaded.state === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (loaded.state === 'failed') return <FormProblems problems={loaded.problems} />;
  const request = override && override.id === id ? override : loaded.data;
  const done = (key: MessageKey) => (data: Detail) => {
    setOverride(data);
    setNotice((n) => ({ key, n: (n?.n ?? 0) + 1 }));
  };
  const closed = request.status === 'closed';

  const send = (submission: typeof take, path: 'take' | 'close', key: MessageKey) =>
    void submission.run(async () => {
      const { data, error } =
        path === 'take'
          ? await api.POST('/api/v1/admin/support/requests/{id}/take', {
              params: { path: { id } },
            })
          : await api.POST('/api/v1/admin/support/requests/{id}/close', {
              params: { path: { id } },
            });
      if (!data) return problemsOf(error);
      done(key)(data);
      return null;
    });

  return (
    <>
      <section className="card">
        <StepHeading>
          {t('console.requestTitle')} {request.requestNumber}
        </StepHeading>
        <p>
          <Link to="/console">{t('console.toInbox')}</Link>
        </p>
        {notice ? <Notice key={notice.n}>{t(notice.key)}</Notice> : null}
        <dl className="summary">
          <div className="summary__row">
            <dt>{t('console.statusLabel')}</dt>
            <dd>
              <span className={`badge badge--${request.status}`}>
                {t(statusKey(request.status))}
              </span>
            </dd>
          </div>
        </dl>
        <RequestSummary request={request} language={language} linked={false} />
        <h2>{t('contactForm.message')}</h2>
        <p className="console-message">{request.message}</p>
        {request.reply ? (
          <>
            <h2>{t('console.replyTitle')}</h2>
            <p className="console-message">{request.reply}</p>
            <p>{formatDateTime(request.closedAt, language)}</p>
          </>
        ) : null}
      </section>
      {!closed ? (
        <Section title={t('console.handleTitle')}>
          <FormProblems problems={[...take.problems, ...close.problems]} />
          <div className="actions">
            {request.status === 'open' ? (
              <button
                type="button"
                className="button button--primary"
                disabled={take.busy}
                onClick={() => send(take, 'take', 'console.taken')}
              >
                {t('console.take')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--secondary"
              disabled={close.busy}
              onClick={() => send(close, 'close', 'console.closed')}
            >
              {t('console.close')}
            </button>
          </div>
        </Section>
      ) : null}
      {!closed && request.linkedUserId ? (
        <Section title={t('console.accountActionsTitle')}>
          <p>{t('console.accountActionsIntro')}</p>
          <div className="staff-actions">
            {REQUEST_ACTIONS.map((kind) => (
              <StaffActionButton
                key={kind}
                kind={kind}
                userId={request.linkedUserId as string}
                supportRequestId={request.id}
                onDone={() => {
                  setOverride(null);
                  reload();
                }}
              />
            ))}
          </div>
        </Section>
      ) : null}
      {!closed && !request.linkedUserId ? (
        <Section title={t('console.accountActionsTitle')}>
          <p>{t('console.unverifiedIntro')}</p>
        </Section>
      ) : null}
      {!closed ? <ReplySection id={id} onReplied={done('console.replied')} /> : null}
      <Section title={t('console.actionsTaken')}>
        <AuditList entries={request.actions as unknown as AuditEntry[]} />
      </Section>
    </>
  );
}

function ReplySection({ id, onReplied }: { id: string; onReplied(data: Detail): void }) {
  const { t } = useI18n();
  const [reply, setReply] = useState('');
  const submission = useSubmission();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await submission.run(async () => {
      const { data, error } = await api.POST('/api/v1/admin/support/requests/{id}/reply', {
        params: { path: { id } },
        body: { reply },
      });
      if (!data) return problemsOf(error);
      onReplied(data);
      return null;
    });
  };
  return (
    <Section title={t('console.replyTitle')}>
      <p>{t('console.replyIntro')}</p>
      <FormProblems problems={submission.problems} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextAreaField
          name="reply"
          label={t('console.replyLabel')}
          value={reply}
          onValueChange={setReply}
          required
          maxLength={8000}
          rows={8}
          problems={submission.problems}
        />
        <FormActions submitLabel={t('console.replySubmit')} busy={submission.busy} />
      </form>
    </Section>
  );
}
