import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { networkProblem } from '../../api/network';
import type { Problem } from '../../api/problems';
import { FormProblems } from '../../components/FormProblems';
import { ProfileSummary } from '../../components/ProfileSummary';
import { StepHeading } from '../../components/StepHeading';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../../session/use-me';
import { TwoFactorSection } from './TwoFactorSection';

/** My Page: the registered details, two-factor and logout. Other sections join here later. */
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
      </section>
      <TwoFactorSection />
    </div>
  );
}
