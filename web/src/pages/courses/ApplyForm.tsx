import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { enrollmentsApi } from '../../api/enrollments';
import type { Application, AttendeeRequest, Session } from '../../api/enrollments';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormProblems } from '../../components/FormProblems';
import { StepHeading } from '../../components/StepHeading';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import type { Me } from '../../session/use-me';
import { sessionWhen, sessionWhere } from './session-labels';

interface StaffRow {
  key: number;
  name: string;
  nameKana: string;
  email: string;
}

interface GroupMember {
  userId: string;
  name: string;
}

const blankRow = (key: number): StaffRow => ({ key, name: '', nameKana: '', email: '' });

/**
 * The application for one session. Who may attend is the API's rule; the form offers what the
 * account type allows: itself (individual, corporate, group), staff rows (corporate, group) and
 * the group's registered members (group).
 */
export function ApplyForm({
  session,
  me,
  onApplied,
  onCancel,
}: {
  session: Session;
  me: Me;
  onApplied(application: Application): void;
  onCancel(): void;
}) {
  const { t, language } = useI18n();
  const submission = useSubmission();
  const individual = me.type === 'individual';
  const [includeSelf, setIncludeSelf] = useState(individual);
  const [rows, setRows] = useState<StaffRow[]>(individual ? [] : [blankRow(0)]);
  const [nextKey, setNextKey] = useState(1);
  const [members, setMembers] = useState<GroupMember[]>([]);
  const [picked, setPicked] = useState<string[]>([]);

  useEffect(() => {
    if (me.type !== 'group') return;
    let current = true;
    api.GET('/api/v1/groups/mine/members').then(
      ({ data }) => {
        if (current && data)
          setMembers(
            data.members
              .filter((member) => member.userId !== me.userId)
              .map((member) => ({ userId: member.userId, name: member.name })),
          );
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [me.type, me.userId]);

  const setRow = (key: number, change: Partial<StaffRow>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const offset = includeSelf ? 1 : 0;
  const attendees = (): AttendeeRequest[] => [
    ...(includeSelf ? [{ kind: 'self' as const }] : []),
    ...rows.map((row) => ({
      kind: 'staff' as const,
      name: row.name.trim(),
      nameKana: row.nameKana.trim(),
      email: row.email.trim(),
    })),
    ...picked.map((userId) => ({ kind: 'member' as const, userId })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let application: Application | null = null;
    const ok = await submission.run(async () => {
      const result = await enrollmentsApi.apply(session.id, attendees());
      if ('problems' in result) return result.problems;
      application = result.data;
      return null;
    });
    if (ok && application) onApplied(application);
  };

  return (
    <section className="card">
      <StepHeading level={2}>
        {t('apply.title')}: {session.course.title}
      </StepHeading>
      <dl className="summary">
        <div className="summary__row">
          <dt>{t('courses.date')}</dt>
          <dd>{sessionWhen(session, language)}</dd>
        </div>
        <div className="summary__row">
          <dt>{t('courses.venue')}</dt>
          <dd>{sessionWhere(session, t('courses.kind.elearning'))}</dd>
        </div>
      </dl>
      <FormProblems problems={submission.problems} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        {individual ? (
          <p>{t('apply.selfOnly')}</p>
        ) : (
          <>
            <div className="checkbox">
              <input
                id="apply-self"
                type="checkbox"
                checked={includeSelf}
                onChange={(event) => setIncludeSelf(event.target.checked)}
              />
              <label htmlFor="apply-self">{t('apply.includeSelf')}</label>
            </div>
            {rows.map((row, index) => (
              <fieldset key={row.key} className="attendee-row">
                <legend>
                  {t('apply.staffLegend')} {index + 1}
                </legend>
                <Field
                  name={`attendees.${offset + index}.name`}
                  label={t('myPage.name')}
                  value={row.name}
                  onValueChange={(name) => setRow(row.key, { name })}
                  problems={submission.problems}
                  required
                />
                <Field
                  name={`attendees.${offset + index}.nameKana`}
                  label={t('myPage.nameKana')}
                  value={row.nameKana}
                  onValueChange={(nameKana) => setRow(row.key, { nameKana })}
                  problems={submission.problems}
                  required
                />
                <Field
                  name={`attendees.${offset + index}.email`}
                  label={t('myPage.email')}
                  type="email"
                  halfWidthOnly
                  value={row.email}
                  onValueChange={(email) => setRow(row.key, { email })}
                  problems={submission.problems}
                  required
                />
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                >
                  {t('apply.removeStaff')} {index + 1}
                </button>
              </fieldset>
            ))}
            <div className="actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setRows((all) => [...all, blankRow(nextKey)]);
                  setNextKey((k) => k + 1);
                }}
              >
                {t('apply.addStaff')}
              </button>
            </div>
            {members.length > 0 ? (
              <fieldset className="attendee-row">
                <legend>{t('apply.membersLegend')}</legend>
                {members.map((member) => (
                  <div className="checkbox" key={member.userId}>
                    <input
                      id={`apply-member-${member.userId}`}
                      type="checkbox"
                      checked={picked.includes(member.userId)}
                      onChange={(event) =>
                        setPicked((all) =>
                          event.target.checked
                            ? [...all, member.userId]
                            : all.filter((id) => id !== member.userId),
                        )
                      }
                    />
                    <label htmlFor={`apply-member-${member.userId}`}>
                      {member.name} ({member.userId})
                    </label>
                  </div>
                ))}
              </fieldset>
            ) : null}
          </>
        )}
        <FormActions submitLabel={t('apply.submit')} busy={submission.busy} onCancel={onCancel} />
      </form>
    </section>
  );
}
