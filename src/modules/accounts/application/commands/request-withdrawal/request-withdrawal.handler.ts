import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { AccountNotFoundError } from '../../../domain/accounts.errors';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { CurrentPasswordCheck } from '../../current-password-check';
import { RequestWithdrawalCommand } from './request-withdrawal.command';

@CommandHandler(RequestWithdrawalCommand)
export class RequestWithdrawalHandler implements ICommandHandler<RequestWithdrawalCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountRepository,
    private readonly password: CurrentPasswordCheck,
  ) {}

  async execute({ accountId, password, reason }: RequestWithdrawalCommand): Promise<void> {
    await this.password.confirm(accountId, password);
    await this.transactions.run(async (em) => {
      const account = await this.accounts.lockById(em, accountId);
      if (!account) throw new AccountNotFoundError();
      account.requestWithdrawal(reason);
    });
  }
}
