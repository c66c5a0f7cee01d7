import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { problemsOf } from '../../api/problems';
import type { Problem } from '../../api/problems';
import { orNull, PROFILE_FIELD_NAMES } from '../../api/profile-fields';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Disclosure } from '../../components/Disclosure';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/ja';
import { ProfileFields } from '../../components/ProfileFields';
import { mailLanguage, useMemberForm } from './member-forms';

type Member = Schemas['MemberDto'];
const path = (member: Member) => ({ params: { path: { userId: member.userId } } });

function twoFactorState(member: Member): MessageKey {
  if (!member.twoFactor.enabled) return 'members.twoFactor.off';
  return member.twoFactor.enrolled ? 'members.twoFactor.on' : 'members.twoFactor.pending';
}

/**
 * One member on the ユーザ情報変更・削除 screen: status, role, two-factor and lock state, and what
 * the administrator may do: change the details, switch two-factor on or lift the requirement,
 * appoint as administrator, withdraw (after a confirmation).
 */
export function MemberCard({
  member,
  isSelf,
  onChanged,
  onWithdrawn,
}: {
  member: Member;
  isSelf: boolean;
  onChanged(): Promise<void>;
  onWithdrawn(): Promise<void>;
}) {
  const { t } = useI18n();
  const [done, setDone] = useState<MessageKey | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const action = useSubmission();
  const edit = useSubmission();
  const withdrawal = useSubmission();
  const { form, field, reset } = useMemberForm(() => ({
    name: member.name,
    nameKana: member.nameKana,
    phone: member.phone ?? '',
    language: member.language,
  }));
  const headingId = `member-${member.userId}`;
  const who = (
    <span className="visually-hidden">
      {' '}
      ({member.name} {member.userId})
    </span>
  );

  /** Runs one of the card's actions and, when it succeeded, says so and reloads the list. */
  const act = async (send: () => Promise<Problem[] | null>, message: MessageKey) => {
    setDone(null);
    if (!(await action.run(send))) return;
    setDone(message);
    await onChanged();
  };
  const answer = ({ error, response }: { error?: unknown; response: Response }) =>
    response.ok ? null : problemsOf(error);

  const setTwoFactor = (required: boolean) =>
    act(
      async () =>
        answer(
          await api.PUT('/api/v1/groups/mine/members/{userId}/two-factor', {
            ...path(member),
            body: { required },
          }),
        ),
      required ? 'members.twoFactorRequired' : 'members.twoFactorLifted',
    );
  const appoint = () =>
    act(
      async () =>
        answer(await api.PUT('/api/v1/groups/mine/members/{userId}/administrator', path(member))),
      'members.appointed',
    );

  const toggleEdit = (next: boolean) => {
    setEditing(next);
    reset();
    edit.clear();
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const ok = await edit.run(async () => {
      const { error, response } = await api.PATCH('/api/v1/groups/mine/members/{userId}', {
        ...path(member),
        body: {
          language: mailLanguage(form.language),
          profile: { name: form.name, nameKana: form.nameKana, phone: orNull(form.phone) },
        },
      });
      return response.ok ? null : problemsOf(error, PROFILE_FIELD_NAMES);
    });
    if (!ok) return;
    setEditing(false);
    setDone('members.saved');
    await onChanged();
  };

  const withdraw = async () => {
    const ok = await withdrawal.run(async () =>
      answer(await api.DELETE('/api/v1/groups/mine/members/{userId}', path(member))),
    );
    if (!ok) return;
    setConfirming(false);
    await onWithdrawn();
  };

  return (
    <article className="member" aria-labelledby={headingId}>
      <h3 id={headingId} className="member__name">
        {member.name} <span className="member__id">{member.userId}</span>
        {isSelf ? ` ${t('members.you')}` : null}
      </h3>
      <dl className="summary">
        <div className="summary__row">
          <dt>{t('myPage.email')}</dt>
          <dd>{member.email}</dd>
        </div>
        <div className="summary__row">
          <dt>{t('members.status')}</dt>
          <dd>
            {t(`members.status.${member.status === 'active' ? 'active' : 'withdrawal_requested'}`)}
          </dd>
        </div>
        <div className="summary__row">
          <dt>{t('members.role')}</dt>
          <dd>{member.isAdministrator ? t('members.administrator') : t('members.member')}</dd>
        </div>
        <div className="summary__row">
          <dt>{t('members.twoFactor')}</dt>
          <dd>
            {t(twoFactorState(member))}
            {member.twoFactor.requiredByGroup ? `(${t('members.twoFactor.required')})` : null}
          </dd>
        </div>
        <div className="summary__row">
          <dt>{t('members.lock')}</dt>
          <dd>{member.twoFactor.locked ? t('members.locked') : t('members.notLocked')}</dd>
        </div>
      </dl>
      <FormProblems problems={action.problems} />
      {done ? <Notice key={done}>{t(done)}</Notice> : null}
      <div className="actions member__actions">
        {member.twoFactor.requiredByGroup ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={action.busy}
            onClick={() => void setTwoFactor(false)}
          >
            {t('members.liftTwoFactor')}
            {who}
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            disabled={action.busy}
            aria-describedby={`${headingId}-two-factor-note`}
            onClick={() => void setTwoFactor(true)}
          >
            {t('members.requireTwoFactor')}
            {who}
          </button>
        )}
        {member.isAdministrator ? null : (
          <button
            type="button"
            className="button button--secondary"
            disabled={action.busy}
            onClick={() => void appoint()}
          >
            {t('members.appoint')}
            {who}
          </button>
        )}
        {isSelf ? null : (
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => {
              withdrawal.clear();
              setConfirming(true);
            }}
          >
            {t('members.withdraw')}
            {who}
          </button>
        )}
      </div>
      {member.twoFactor.requiredByGroup ? null : (
        <p className="field__hint" id={`${headingId}-two-factor-note`}>
          {t('members.requireTwoFactorNote')}
        </p>
      )}
      <Disclosure
        label={
          <>
            {t('members.edit')}
            {who}
          </>
        }
        open={editing}
        onOpenChange={toggleEdit}
      >
        <FormProblems problems={edit.problems} />
        <form onSubmit={(event) => void save(event)} noValidate>
          <ProfileFields
            type={null}
            field={(key) => field(key, edit.problems)}
            language={field('language', edit.problems)}
          />
          <FormActions
            submitLabel={t('profile.submit')}
            busy={edit.busy}
            onCancel={() => toggleEdit(false)}
          />
        </form>
      </Disclosure>
      <ConfirmDialog
        open={confirming}
        title={t('members.withdrawTitle')}
        confirmLabel={t('members.withdraw')}
        cancelLabel={t('section.cancel')}
        busy={withdrawal.busy}
        problems={withdrawal.problems}
        onConfirm={() => void withdraw()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('members.withdrawConfirm')}</p>
        <p>
          <strong>
            {member.name}({member.userId})
          </strong>
        </p>
      </ConfirmDialog>
    </article>
  );
}
