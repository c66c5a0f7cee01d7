import { Command } from '@nestjs/cqrs';

/** Support lets a customer try passwords again at once: the cool-down and its failures are gone. */
export class LiftLoginCooldownCommand extends Command<{ lifted: boolean }> {
  constructor(
    readonly account: { accountId: string; userId: string },
    readonly byAccountId: string,
  ) {
    super();
  }
}
