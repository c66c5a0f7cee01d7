import { Command } from '@nestjs/cqrs';

export interface TwoFactorEnrollment {
  /** PNG data URL of the QR code that encodes `otpauthUri`. */
  qrCodeDataUrl: string;
  otpauthUri: string;
  /** Base32 secret for manual entry in the authenticator app. */
  secret: string;
}

export interface StartedTwoFactorChallenge {
  challengeToken: string;
  expiresAt: Date;
  /** Present when the account still has to enroll: the login shows the QR code. */
  enrollment?: TwoFactorEnrollment;
}

/**
 * Dispatched by the login flow after a correct password when `GetSecondFactorRequirementQuery`
 * answered `enrollment_required` or `verification_required`. Voids every older challenge of the account.
 */
export class StartTwoFactorChallengeCommand extends Command<StartedTwoFactorChallenge> {
  constructor(
    readonly request: {
      accountId: string;
      userId: string;
      afterTemporaryPassword: boolean;
      mandatory: boolean;
    },
  ) {
    super();
  }
}
