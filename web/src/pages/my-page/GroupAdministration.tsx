import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { Me } from '../../session/use-me';

/**
 * The way to the member-management screen (ユーザ情報変更・削除), shown only to a group account
 * that administers its group: the list of members answers only for an administrator.
 */
export function GroupAdministration({ me }: { me: Me }) {
  const { t } = useI18n();
  const [administrator, setAdministrator] = useState(false);
  useEffect(() => {
    if (me.type !== 'group') return;
    let current = true;
    void api.GET('/api/v1/groups/mine/members').then(({ data }) => {
      if (current) setAdministrator(data !== undefined);
    });
    return () => {
      current = false;
    };
  }, [me.type]);
  if (!administrator) return null;
  return (
    <div className="alert alert--info">
      <p>{t('members.linkIntro')}</p>
      <p>
        <Link to="/group/members">{t('members.link')}</Link>
      </p>
    </div>
  );
}
