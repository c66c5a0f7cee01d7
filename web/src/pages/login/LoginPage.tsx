import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { LoginResponse } from '../../api/client';
import type { Problem } from '../../api/problems';
import { CredentialsStep } from './CredentialsStep';
import { CodeStep } from './CodeStep';
import { EnrollmentStep } from './EnrollmentStep';
import { RecoveryCodesStep } from './RecoveryCodesStep';
import { PasswordChangeStep } from './PasswordChangeStep';
import { RenewalStep } from './RenewalStep';

/** Where the login stands, as the API's last answer says. */
export type LoginStep =
  | { name: 'credentials'; notice?: Problem[] }
  | { name: 'code'; challengeToken: string }
  | { name: 'enrollment'; challengeToken: string; qrCodeDataUrl: string; secret: string }
  | { name: 'recoveryCodes'; codes: string[]; renewalRequired: boolean }
  | { name: 'passwordChange'; temporaryPassword: string }
  | { name: 'renewal' };

/**
 * The login, one step per API answer: user ID and password, then the code (or the QR enrollment
 * and its recovery codes), the forced password change, the renewal confirmation, then My Page.
 * Each step is a thin view; the API decides which comes next.
 */
export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;
  const [step, setStep] = useState<LoginStep>({ name: 'credentials' });

  const toMyPage = () => void navigate('/mypage');

  /** Moves to the step the API's answer names. `password` is kept only for a forced change. */
  const follow = (answer: LoginResponse, password?: string) => {
    switch (answer.status) {
      case 'authenticated':
        if (answer.recoveryCodes && answer.recoveryCodes.length > 0)
          setStep({
            name: 'recoveryCodes',
            codes: answer.recoveryCodes,
            renewalRequired: answer.renewalRequired === true,
          });
        else if (answer.renewalRequired) setStep({ name: 'renewal' });
        else toMyPage();
        return;
      case 'two_factor_required':
        setStep({ name: 'code', challengeToken: answer.challengeToken ?? '' });
        return;
      case 'two_factor_enrollment_required':
        setStep({
          name: 'enrollment',
          challengeToken: answer.challengeToken ?? '',
          qrCodeDataUrl: answer.qrCodeDataUrl ?? '',
          secret: answer.secret ?? '',
        });
        return;
      case 'password_change_required':
        setStep({ name: 'passwordChange', temporaryPassword: password ?? '' });
        return;
    }
  };

  const restart = (notice?: Problem[]) => setStep({ name: 'credentials', notice });

  switch (step.name) {
    case 'credentials':
      return <CredentialsStep notice={step.notice} loggedOut={loggedOut} onAnswer={follow} />;
    case 'code':
      return (
        <CodeStep challengeToken={step.challengeToken} onAnswer={follow} onRestart={restart} />
      );
    case 'enrollment':
      return (
        <EnrollmentStep
          challengeToken={step.challengeToken}
          qrCodeDataUrl={step.qrCodeDataUrl}
          secret={step.secret}
          onAnswer={follow}
          onRestart={restart}
        />
      );
    case 'recoveryCodes':
      return (
        <RecoveryCodesStep
          codes={step.codes}
          onDone={() => (step.renewalRequired ? setStep({ name: 'renewal' }) : toMyPage())}
        />
      );
    case 'passwordChange':
      return (
        <PasswordChangeStep
          temporaryPassword={step.temporaryPassword}
          onDone={async () => {
            // The session opened with the temporary password is a full one after the change.
            const me = await api.GET('/api/v1/me');
            if (me.data?.renewalRequired) setStep({ name: 'renewal' });
            else toMyPage();
          }}
        />
      );
    case 'renewal':
      return <RenewalStep onDone={toMyPage} />;
  }
}
