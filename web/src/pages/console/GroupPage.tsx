import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { StepHeading } from '../../components/StepHeading';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from './format';
import { useLoad } from './use-load';

interface Member {
  userId: string;
  email: string;
  name: string;
  isAdministrator: boolean;
  joinedAt: string;
}

/**
 * A group as staff see it: its administrators and members. Staff may make a member the group's
 * only administrator (for when the administrators have left), after a confirmation; the API takes
 * no reason for it.
 */
export function GroupPage() {
  const { t, language } = useI18n();
  const { id = '' } = useParams();
  const { loaded, reload } = useLoad(async () => {
    const { data, error } = await api.GET('/api/v1/admin/groups/{id}', {
      params: { path: { id } },
    });
    return data ? { data } : { problems: problemsOf(error) };
  }, [id]);
  const [appointing, setAppointing] = useState<string | null>(null);
  const [done, setDone] = useState(0);
  const submission = useSubmission();
  if (loaded.state === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (loaded.state === 'failed') return <FormProblems problems={loaded.problems} />;
  const members = loaded.data.members as unknown as Member[];
  const administrators = members.filter((member) => member.isAdministrator);
  const appoint = async () => {
    if (!appointing) return;
    const ok = await submission.run(async () => {
      const { error, response } = await api.PUT(
        '/api/v1/admin/groups/{id}/administrators/{userId}',
        { params: { path: { id, userId: appointing } } },
      );
      return response.ok ? null : problemsOf(error);
    });
    if (ok) {
      setAppointing(null);
      setDone((n) => n + 1);
      reload();
    }
  };
  const person = (member: Member) => (
    <>
      <Link to={`/console/accounts/${member.userId}`}>{member.userId}</Link> {member.name} ·{' '}
      {member.email}
    </>
  );
  return (
    <>
      <section className="card">
        <StepHeading>
          {t('console.groupTitle')} {loaded.data.name}
        </StepHeading>
        {done > 0 ? <Notice key={done}>{t('console.appointDone')}</Notice> : null}
      </section>
      <Section title={t('console.groupAdministrators')}>
        {administrators.length === 0 ? (
          <p>{t('console.groupNoAdministrators')}</p>
        ) : (
          <ul className="console-list">
            {administrators.map((member) => (
              <li key={member.userId} className="console-list__item">
                <p>{person(member)}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('console.groupMembers')}>
        <ul className="console-list">
          {members.map((member) => (
            <li key={member.userId} className="console-list__item">
              <p>
                {person(member)}
                {member.isAdministrator ? ` (${t('console.groupAdmin')})` : ''}
              </p>
              <p className="timeline__meta">
                {t('console.joinedAt')} {formatDateTime(member.joinedAt, language)}
              </p>
              {member.isAdministrator ? null : (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={`${t('console.appointAdministrator')}: ${member.userId}`}
                  onClick={() => {
                    submission.clear();
                    setAppointing(member.userId);
                  }}
                >
                  {t('console.appointAdministrator')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </Section>
      <ConfirmDialog
        open={appointing !== null}
        title={t('console.appointAdministrator')}
        confirmLabel={t('console.confirm')}
        cancelLabel={t('section.cancel')}
        busy={submission.busy}
        problems={submission.problems}
        onConfirm={() => void appoint()}
        onCancel={() => setAppointing(null)}
      >
        <p>
          {t('console.appointIntro')} <strong>{appointing}</strong>
        </p>
      </ConfirmDialog>
    </>
  );
}
