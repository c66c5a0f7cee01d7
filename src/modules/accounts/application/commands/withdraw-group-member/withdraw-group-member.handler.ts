import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { AccountNotFoundError } from '../../../domain/accounts.errors';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { WithdrawGroupMemberCommand } from './withdraw-group-member.command';

@CommandHandler(WithdrawGroupMemberCommand)
export class WithdrawGroupMemberHandler implements ICommandHandler<WithdrawGroupMemberCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountRepository,
  ) {}

  execute({
    accountId,
  }: WithdrawGroupMemberCommand): Promise<{ accountId: string; userId: string }> {
    return this.transactions.run(async (em) => {
      // Locked like support's completion: a concurrent second withdrawal finds the account withdrawn.
      const account = await this.accounts.lockById(em, accountId);
      if (!account) throw new AccountNotFoundError();
      account.withdrawAsGroupMember();
      return { accountId: account.id, userId: account.userId };
    });
  }
}
