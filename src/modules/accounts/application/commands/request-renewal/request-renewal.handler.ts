import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { AccountNotFoundError } from '../../../domain/accounts.errors';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { RequestRenewalCommand } from './request-renewal.command';

@CommandHandler(RequestRenewalCommand)
export class RequestRenewalHandler implements ICommandHandler<RequestRenewalCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountRepository,
  ) {}

  execute({ userId }: RequestRenewalCommand): Promise<{ userId: string; newlyRequested: boolean }> {
    return this.transactions.run(async (em) => {
      const account = await this.accounts.lockByUserId(em, userId);
      if (!account) throw new AccountNotFoundError();
      return { userId: account.userId, newlyRequested: account.requestRenewal() };
    });
  }
}
