import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';
import { AccountDirectory } from '../../account-directory';
import { PasswordConfirmation } from '../../password-confirmation';
import { EnableTwoFactorCommand } from './enable-two-factor.command';

@CommandHandler(EnableTwoFactorCommand)
export class EnableTwoFactorHandler implements ICommandHandler<EnableTwoFactorCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: TwoFactorRepository,
    private readonly passwords: PasswordConfirmation,
    private readonly directory: AccountDirectory,
  ) {}

  async execute(command: EnableTwoFactorCommand): Promise<void> {
    await this.passwords.confirm(command.accountId, command.password);
    const contact = await this.directory.contactOf(command.accountId);
    await this.transactions.run(async (em) => {
      const account = await this.repository.lockOrOpen(em, command.accountId);
      account.switchOnByUser(contact);
    });
  }
}
