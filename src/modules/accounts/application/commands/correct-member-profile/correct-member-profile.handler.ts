import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { AccountNotFoundError } from '../../../domain/accounts.errors';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { CorrectMemberProfileCommand } from './correct-member-profile.command';

@CommandHandler(CorrectMemberProfileCommand)
export class CorrectMemberProfileHandler implements ICommandHandler<CorrectMemberProfileCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountRepository,
  ) {}

  async execute({ accountId, correction }: CorrectMemberProfileCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const account = await this.accounts.lockById(em, accountId);
      if (!account) throw new AccountNotFoundError();
      account.correctProfile(correction.profile ?? {}, correction.language);
    });
  }
}
