import { Command } from '@nestjs/cqrs';

/** A withdrawal was completed: nothing of the account may authenticate any more. Idempotent. */
export class ForgetWithdrawnAccountCommand extends Command<void> {
  constructor(readonly accountId: string) {
    super();
  }
}
