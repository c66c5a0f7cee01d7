import type { Me } from '../session/use-me';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/ja';

/** The account's registered details as a description list. */
export function ProfileSummary({ me }: { me: Me }) {
  const { t } = useI18n();
  const rows: [MessageKey, string | null][] = [
    ['myPage.userId', me.userId],
    ['myPage.type', t(`register.type.${me.type}`)],
    ['myPage.email', me.email],
    ['myPage.name', me.profile.name],
    ['myPage.nameKana', me.profile.nameKana],
    ['register.phone', me.profile.phone],
    ['myPage.companyName', me.profile.companyName],
    ['register.department', me.profile.department],
    ['myPage.groupName', me.profile.groupName],
  ];
  return (
    <dl className="summary">
      {rows
        .filter(([, value]) => value)
        .map(([key, value]) => (
          <div className="summary__row" key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
