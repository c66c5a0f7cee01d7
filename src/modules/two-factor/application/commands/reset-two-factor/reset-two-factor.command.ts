import { Command } from '@nestjs/cqrs';

/**
 * Support, after a phone change the user could not migrate: the secret and recovery codes are
 * deleted (sessions are revoked by the authentication context) and the next login enrolls again.
 */
export class ResetTwoFactorCommand extends Command<{ accountId: string }> {
  constructor(
    readonly userId: string,
    readonly byAccountId: string,
  ) {
    super();
  }
}
