import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';

/** The FAQ's guidance for those who forgot both, with the way to each recovery page. */
export function ForgotBoth() {
  const { t } = useI18n();
  return (
    <nav className="help-links" aria-label={t('recovery.forgotBothTitle')}>
      <h2>{t('recovery.forgotBothTitle')}</h2>
      <p>{t('login.forgotBoth')}</p>
      <ol>
        <li>
          <Link to="/recovery/user-id">{t('login.forgotUserId')}</Link>
        </li>
        <li>
          <Link to="/recovery/password">{t('login.forgotPassword')}</Link>
        </li>
      </ol>
      <p>
        <Link to="/login">{t('app.toLogin')}</Link>
      </p>
    </nav>
  );
}
