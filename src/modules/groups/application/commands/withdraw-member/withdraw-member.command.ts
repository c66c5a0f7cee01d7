import { Command } from '@nestjs/cqrs';

/** The administrator withdraws a member of the own group at once (the FAQ's member deletion). */
export class WithdrawMemberCommand extends Command<void> {
  constructor(
    readonly administratorAccountId: string,
    readonly memberUserId: string,
  ) {
    super();
  }
}
