import { useCallback, useEffect, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { networkProblem } from '../../api/network';
import { problemsOf } from '../../api/problems';
import type { Problem } from '../../api/problems';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { StepHeading } from '../../components/StepHeading';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../../session/use-me';
import { MemberCard } from './MemberCard';
import { RegisterMemberSection } from './RegisterMemberSection';

type Group = Schemas['GroupDto'];
type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; group: Group }
  | { state: 'refused'; problems: Problem[] }
  | { state: 'steppedDown' };

/**
 * The group administrator's ユーザ情報変更・削除 screen: the group's members with their status,
 * role, two-factor and lock state; registering, changing and withdrawing members; two-factor
 * switched on for a member; appointing an administrator and stepping down.
 */
export function MembersPage() {
  const { t } = useI18n();
  const me = useMe();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [withdrawn, setWithdrawn] = useState(0);

  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    api.GET('/api/v1/groups/mine/members').then(
      ({ data, error, response }) => {
        if (!current) return;
        if (data) setLoaded({ state: 'ready', group: data });
        else if (response.status !== 401)
          setLoaded({ state: 'refused', problems: problemsOf(error) });
      },
      () => current && setLoaded({ state: 'refused', problems: [networkProblem] }),
    );
    return () => {
      current = false;
    };
  }, [version]);
  const load = useCallback(() => {
    setVersion((v) => v + 1);
    return Promise.resolve();
  }, []);

  if (me.state === 'signedOut') return <Navigate to="/login" replace />;
  if (me.state === 'failed') return <FormProblems problems={[networkProblem]} />;
  if (me.state === 'loading' || loaded.state === 'loading')
    return <p role="status">{t('app.loading')}</p>;

  const header = (
    <section className="card">
      <StepHeading>{t('members.title')}</StepHeading>
      {loaded.state === 'ready' ? (
        <dl className="summary">
          <div className="summary__row">
            <dt>{t('members.group')}</dt>
            <dd>{loaded.group.name}</dd>
          </div>
        </dl>
      ) : null}
      <p>{t('members.intro')}</p>
      <p>
        <Link to="/mypage">{t('members.toMyPage')}</Link>
      </p>
    </section>
  );
  if (loaded.state === 'refused' || loaded.state === 'steppedDown')
    return (
      <div className="stack">
        {header}
        {loaded.state === 'refused' ? (
          <FormProblems problems={loaded.problems} />
        ) : (
          <Notice>{t('members.steppedDown')}</Notice>
        )}
      </div>
    );

  const self = me.me.userId;
  return (
    <div className="stack">
      {header}
      <RegisterMemberSection onRegistered={load} />
      <Section title={t('members.listTitle')}>
        {withdrawn > 0 ? <Notice key={withdrawn}>{t('members.withdrawn')}</Notice> : null}
        <ul className="members">
          {loaded.group.members.map((member) => (
            <li key={member.userId}>
              <MemberCard
                member={member}
                isSelf={member.userId === self}
                onChanged={load}
                onWithdrawn={() => {
                  setWithdrawn((n) => n + 1);
                  return load();
                }}
              />
            </li>
          ))}
        </ul>
      </Section>
      <StepDownSection onSteppedDown={() => setLoaded({ state: 'steppedDown' })} />
    </div>
  );
}

/** Stepping down: refused with the API's message when no other administrator would remain. */
function StepDownSection({ onSteppedDown }: { onSteppedDown(): void }) {
  const { t } = useI18n();
  const submission = useSubmission();
  const stepDown = async () => {
    const ok = await submission.run(async () => {
      const { error, response } = await api.DELETE('/api/v1/groups/mine/administrator');
      return response.ok ? null : problemsOf(error);
    });
    if (ok) onSteppedDown();
  };
  return (
    <Section title={t('members.adminTitle')}>
      <p>{t('members.stepDownIntro')}</p>
      <FormProblems problems={submission.problems} />
      <button
        type="button"
        className="button button--secondary"
        disabled={submission.busy}
        onClick={() => void stepDown()}
      >
        {t('members.stepDown')}
      </button>
    </Section>
  );
}
