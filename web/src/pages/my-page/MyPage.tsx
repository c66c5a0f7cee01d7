import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { networkProblem } from '../../api/network';
import type { Problem } from '../../api/problems';
import { FormProblems } from '../../components/FormProblems';
import { ProfileSummary } from '../../components/ProfileSummary';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../../session/use-me';
import { EmailSection } from './EmailSection';
import { GroupAdministration } from './GroupAdministration';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { RecoveryCodesSection } from './RecoveryCodesSection';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './TwoFactorSection';
import { WithdrawalSection } from './WithdrawalSection';

/**
 * My Page: the registered details and logout, the profile and language, the e-mail address,
 * two-factor and its recovery codes, the password, the sessions, and the withdrawal application.
 */
export function MyPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const [problems, setProblems] = useState<Problem[]>([]);

  if (me.state === 'signedOut') return <Navigate to="/login" replace />;
  if (me.state === 'failed') return <FormProblems problems={[networkProblem]} />;
  if (me.state === 'loading') return <p role="status">{t('app.loading')}</p>;

  const logOut = async () => {
    try {
      await api.POST('/api/v1/auth/logout');
      void navigate('/login', { state: { loggedOut: true } });
    } catch {
      setProblems([networkProblem]);
    }
  };

  return (
    <div className="stack">
      <section className="card">
        <div className="card__title-row">
          <StepHeading>{t('myPage.title')}</StepHeading>
          <button type="button" className="button button--secondary" onClick={() => void logOut()}>
            {t('myPage.logout')}
          </button>
        </div>
        <FormProblems problems={problems} />
        <h2>{t('myPage.profile')}</h2>
        <ProfileSummary me={me.me} />
        <GroupAdministration me={me.me} />
        <h2>{t('myPage.enrollments')}</h2>
        <p>
          <Link to="/mypage/applications">{t('myPage.applicationsLink')}</Link> ·{' '}
          <Link to="/courses">{t('myPage.coursesLink')}</Link>
        </p>
      </section>
      <ProfileSection me={me.me} onSaved={me.reload} />
      <EmailSection onSaved={me.reload} />
      <TwoFactorSection />
      <RecoveryCodesSection />
      <PasswordSection />
      <SessionsSection />
      <WithdrawalSection me={me.me} onRequested={me.reload} />
    </div>
  );
}
