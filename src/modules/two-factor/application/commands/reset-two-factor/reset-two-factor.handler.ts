import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { TwoFactorNotEnrolledError } from '../../../domain/two-factor.errors';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';
import { AccountDirectory } from '../../account-directory';
import { ResetTwoFactorCommand } from './reset-two-factor.command';

@CommandHandler(ResetTwoFactorCommand)
export class ResetTwoFactorHandler implements ICommandHandler<ResetTwoFactorCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: TwoFactorRepository,
    private readonly directory: AccountDirectory,
  ) {}

  async execute(command: ResetTwoFactorCommand): Promise<{ accountId: string }> {
    const contact = await this.directory.contactByUserId(command.userId);
    await this.transactions.run(async (em) => {
      const account = await this.repository.lock(em, contact.accountId);
      if (!account) throw new TwoFactorNotEnrolledError();
      account.reset(contact, command.byAccountId);
      await this.repository.deleteRecoveryCodes(em, account.accountId);
      await this.repository.deleteChallenges(em, account.accountId);
    });
    return { accountId: contact.accountId };
  }
}
