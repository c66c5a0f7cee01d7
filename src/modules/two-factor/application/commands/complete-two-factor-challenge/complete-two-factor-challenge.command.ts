import type { AccountForLogin } from '../../../../accounts/public-api';
import { Command } from '@nestjs/cqrs';

export interface CompletedTwoFactorChallenge {
  accountId: string;
  /**
   * The account as accounts answers a login, read in the step's one statement (never withdrawn):
   * the login asks no second time.
   */
  account: AccountForLogin;
  afterTemporaryPassword: boolean;
  /** Only when this completion enrolled the account: shown to the user once, never again. */
  recoveryCodes?: string[];
}

/**
 * The second login step: a TOTP code (or a recovery code) for the challenge started after the
 * password step. Throws INVALID_TWO_FACTOR_CODE, CHALLENGE_EXPIRED or ACCOUNT_LOCKED.
 *
 * A wrong code is refused with `refuseAfterCommit`: it stays counted towards the lock even when
 * the step runs inside the caller's transaction (the login's), which commits before the error.
 */
export class CompleteTwoFactorChallengeCommand extends Command<CompletedTwoFactorChallenge> {
  constructor(
    readonly challengeToken: string,
    readonly code: string,
  ) {
    super();
  }
}
