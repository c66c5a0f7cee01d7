import { Command } from '@nestjs/cqrs';

/** The holder applies for withdrawal from My Page; support carries it out later. */
export class RequestWithdrawalCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly password: string | undefined,
    readonly reason: string | null,
  ) {
    super();
  }
}
