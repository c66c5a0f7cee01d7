import type { StartedSession } from './commands/start-session/start-session.command';
import type { IssuedDeviceCookie } from './device-cookies';

export interface TwoFactorEnrollmentView {
  qrCodeDataUrl: string;
  otpauthUri: string;
  secret: string;
}

/**
 * Where a login stands after a step succeeded; the HTTP layer turns it into the response and
 * cookies. A right password also earns the device a device cookie for the ID (ADR 0023).
 */
export type LoginOutcome = (
  | {
      status: 'authenticated';
      session: StartedSession;
      renewalRequired: boolean;
      recoveryCodes?: string[];
    }
  | { status: 'password_change_required'; session: StartedSession; recoveryCodes?: string[] }
  | { status: 'two_factor_required'; challengeToken: string; expiresAt: Date }
  | {
      status: 'two_factor_enrollment_required';
      challengeToken: string;
      expiresAt: Date;
      enrollment: TwoFactorEnrollmentView;
    }
) & { deviceCookie?: IssuedDeviceCookie };
