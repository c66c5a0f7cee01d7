import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { TwoFactorNotLockedError } from '../../../domain/two-factor.errors';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';
import { AccountDirectory } from '../../account-directory';
import { UnlockTwoFactorCommand } from './unlock-two-factor.command';

@CommandHandler(UnlockTwoFactorCommand)
export class UnlockTwoFactorHandler implements ICommandHandler<UnlockTwoFactorCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: TwoFactorRepository,
    private readonly directory: AccountDirectory,
  ) {}

  async execute(command: UnlockTwoFactorCommand): Promise<{ accountId: string }> {
    const contact = await this.directory.contactByUserId(command.userId);
    await this.transactions.run(async (em) => {
      const account = await this.repository.lock(em, contact.accountId);
      if (!account) throw new TwoFactorNotLockedError();
      account.unlock(contact, command.byAccountId);
    });
    return { accountId: contact.accountId };
  }
}
