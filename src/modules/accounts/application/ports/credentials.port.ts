import { Command, Query } from '@nestjs/cqrs';

/**
 * What the accounts context needs from whoever keeps the credentials (the authentication context
 * handles these). Declared here, on the side that asks, so accounts depends on no other context.
 */

/**
 * Stores the first password of a newly registered account. Dispatched inside the registration
 * transaction, so a policy violation rolls the whole registration back.
 */
export class SetInitialPasswordCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly userId: string,
    readonly password: string,
  ) {
    super();
  }
}

export type TemporaryPasswordReason = 'staff_registration' | 'group_registration' | 'reissue';

export interface IssueTemporaryPasswordInput {
  accountId: string;
  userId: string;
  /** Where the mail goes, as registered at this moment. */
  email: string;
  language: 'ja' | 'en';
  reason: TemporaryPasswordReason;
}

/**
 * Issues a random single-use temporary password, voiding any older one, and mails it. The current
 * password keeps working: someone who merely asked for a re-issue must not lock the owner out.
 */
export class IssueTemporaryPasswordCommand extends Command<{ expiresAt: Date }> {
  constructor(readonly input: IssueTemporaryPasswordInput) {
    super();
  }
}

/** Re-confirms the owner before a sensitive change (e-mail, withdrawal, two-factor settings). */
export class VerifyCurrentPasswordQuery extends Query<boolean> {
  constructor(
    readonly accountId: string,
    readonly password: string,
  ) {
    super();
  }
}
