import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { AccountNotFoundError } from '../../../domain/accounts.errors';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { ConfirmRegistrationCommand } from './confirm-registration.command';

@CommandHandler(ConfirmRegistrationCommand)
export class ConfirmRegistrationHandler implements ICommandHandler<ConfirmRegistrationCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountRepository,
  ) {}

  async execute({ accountId }: ConfirmRegistrationCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const account = await this.accounts.lockById(em, accountId);
      if (!account) throw new AccountNotFoundError();
      account.confirmRegistration();
    });
  }
}
