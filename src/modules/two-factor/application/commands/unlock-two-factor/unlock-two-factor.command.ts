import { Command } from '@nestjs/cqrs';

/** Support lifts a two-factor lock on the user's request (contact form with the user ID). */
export class UnlockTwoFactorCommand extends Command<{ accountId: string }> {
  constructor(
    readonly userId: string,
    readonly byAccountId: string,
  ) {
    super();
  }
}
