import type { StartedSession } from './commands/start-session/start-session.command';

export interface TwoFactorEnrollmentView {
  qrCodeDataUrl: string;
  otpauthUri: string;
  secret: string;
}

/** Where a login stands after a step succeeded; the HTTP layer turns it into the response and cookie. */
export type LoginOutcome =
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
    };
