import { useState } from 'react';
import { api } from '../../api/client';
import { networkProblem } from '../../api/network';
import { problemsOf } from '../../api/problems';
import type { Problem } from '../../api/problems';
import { FormProblems } from '../../components/FormProblems';
import { ProfileSummary } from '../../components/ProfileSummary';
import { StepHeading } from '../../components/StepHeading';
import { useMe } from '../../session/use-me';
import { useI18n } from '../../i18n/i18n';

/** Support asked the account to re-confirm its registration: show it, confirm it. */
export function RenewalStep({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const me = useMe();
  const [problems, setProblems] = useState<Problem[]>([]);

  const confirm = async () => {
    try {
      const { data, error } = await api.POST('/api/v1/me/renewal-confirmation');
      if (data) onDone();
      else setProblems(problemsOf(error));
    } catch {
      setProblems([networkProblem]);
    }
  };

  return (
    <section className="card">
      <StepHeading>{t('renewal.title')}</StepHeading>
      <FormProblems problems={problems} />
      <p className="lead">{t('renewal.intro')}</p>
      {me.state === 'ready' ? <ProfileSummary me={me.me} /> : null}
      <button type="button" className="button button--primary" onClick={() => void confirm()}>
        {t('renewal.confirm')}
      </button>
    </section>
  );
}
