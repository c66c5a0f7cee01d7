import { Command } from '@nestjs/cqrs';

/** Support carries out the requested withdrawal of `userId`: status withdrawn, personal data anonymised. */
export class CompleteWithdrawalCommand extends Command<{ accountId: string; userId: string }> {
  constructor(readonly userId: string) {
    super();
  }
}
