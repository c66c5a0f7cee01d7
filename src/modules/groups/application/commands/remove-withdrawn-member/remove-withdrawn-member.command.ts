import { Command } from '@nestjs/cqrs';

/** The account's withdrawal was completed: it leaves its group. Repeating it changes nothing. */
export class RemoveWithdrawnMemberCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly userId: string,
  ) {
    super();
  }
}
