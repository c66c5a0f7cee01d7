import { useState } from 'react';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import { FormProblems } from '../../components/FormProblems';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from './use-load';

type Role = 'support' | 'admin';
const ROLES: Role[] = ['support', 'admin'];

/** Whether the signed-in staff member is an administrator (their own account's staff roles). */
function useViewerIsAdmin(): boolean {
  const { loaded } = useLoad(async () => {
    const me = await api.GET('/api/v1/me');
    if (!me.data) return { problems: problemsOf(me.error) };
    const { data, error } = await api.GET('/api/v1/admin/support/accounts/{userId}', {
      params: { path: { userId: me.data.userId } },
    });
    return data
      ? { data: data.badges.staffRoles.includes('admin') }
      : { problems: problemsOf(error) };
  }, []);
  return loaded.state === 'ready' && loaded.data;
}

/**
 * スタッフ権限 (administrators only): grant or revoke support and admin. The API refuses to take
 * the role from the last administrator (LAST_ADMIN_ROLE), which is shown as it says it.
 */
export function StaffRolesSection({
  userId,
  roles,
  onChanged,
}: {
  userId: string;
  roles: string[];
  onChanged(): void;
}) {
  const { t } = useI18n();
  const isAdmin = useViewerIsAdmin();
  const submission = useSubmission();
  const [done, setDone] = useState(0);
  if (!isAdmin) return null;
  const change = async (role: Role, grant: boolean) => {
    const ok = await submission.run(async () => {
      const params = { params: { path: { userId, role } } };
      const { error, response } = grant
        ? await api.PUT('/api/v1/admin/accounts/{userId}/roles/{role}', params)
        : await api.DELETE('/api/v1/admin/accounts/{userId}/roles/{role}', params);
      return response.ok ? null : problemsOf(error);
    });
    if (ok) {
      setDone((n) => n + 1);
      onChanged();
    }
  };
  return (
    <Section title={t('console.rolesTitle')}>
      <p>
        {t('console.rolesCurrent')}:{' '}
        {roles.length === 0
          ? t('console.rolesNone')
          : ROLES.filter((role) => roles.includes(role))
              .map((role) => t(`console.role.${role}`))
              .join('、')}
      </p>
      {done > 0 ? <Notice key={done}>{t('console.rolesChanged')}</Notice> : null}
      <FormProblems problems={submission.problems} />
      <div className="staff-actions">
        {ROLES.map((role) => {
          const held = roles.includes(role);
          const label = `${t(`console.role.${role}`)}: ${t(held ? 'console.revokeRole' : 'console.grantRole')}`;
          return (
            <button
              key={role}
              type="button"
              className="button button--secondary"
              disabled={submission.busy}
              onClick={() => void change(role, !held)}
            >
              {label}
            </button>
          );
        })}
      </div>
    </Section>
  );
}
