import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

/** What support should notice about an account at a glance. */
export function Badges({ badges }: { badges: Schemas['AccountBadgesDto'] }) {
  const { t } = useI18n();
  const shown = [
    badges.twoFactorLocked ? t('console.badge.twoFactorLocked') : null,
    badges.passwordCooldown ? t('console.badge.passwordCooldown') : null,
    badges.withdrawalRequested ? t('console.badge.withdrawalRequested') : null,
    badges.renewalPending ? t('console.badge.renewalPending') : null,
    ...badges.staffRoles.map((role) => `${t('console.badge.staff')}: ${role}`),
  ].filter((text): text is string => text !== null);
  if (shown.length === 0) return null;
  return (
    <ul className="badges" aria-label={t('console.badgesLabel')}>
      {shown.map((text) => (
        <li key={text} className="badge badge--warn">
          {text}
        </li>
      ))}
    </ul>
  );
}
