import { Command } from '@nestjs/cqrs';

export interface CompletedTwoFactorChallenge {
  accountId: string;
  afterTemporaryPassword: boolean;
  /** Only when this completion enrolled the account: shown to the user once, never again. */
  recoveryCodes?: string[];
}

/**
 * The second login step: a TOTP code (or a recovery code) for the challenge started after the
 * password step. Throws INVALID_TWO_FACTOR_CODE, CHALLENGE_EXPIRED or ACCOUNT_LOCKED.
 *
 * Must be dispatched outside any surrounding transaction: a wrong code is committed (it counts
 * towards the lock) before the error is thrown, which an enclosing rollback would undo.
 */
export class CompleteTwoFactorChallengeCommand extends Command<CompletedTwoFactorChallenge> {
  constructor(
    readonly challengeToken: string,
    readonly code: string,
  ) {
    super();
  }
}
