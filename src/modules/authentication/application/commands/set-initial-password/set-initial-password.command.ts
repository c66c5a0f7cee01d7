import { Command } from '@nestjs/cqrs';

/**
 * Stores the first password of a newly registered account. Dispatched by the accounts context
 * inside its registration transaction, so a policy violation rolls the whole registration back.
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
