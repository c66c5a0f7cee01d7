import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { AccountNotFoundError } from '../../../domain/accounts.errors';
import { Email } from '../../../domain/email';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { CurrentPasswordCheck } from '../../current-password-check';
import { EditProfileCommand } from './edit-profile.command';

@CommandHandler(EditProfileCommand)
export class EditProfileHandler implements ICommandHandler<EditProfileCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountRepository,
    private readonly password: CurrentPasswordCheck,
  ) {}

  async execute({ accountId, changes }: EditProfileCommand): Promise<void> {
    const email = changes.email === undefined ? null : Email.parse(changes.email);
    await this.transactions.run(async (em) => {
      const account = await this.accounts.lockById(em, accountId);
      if (!account) throw new AccountNotFoundError();
      account.refuseIdentityChange({ type: changes.type, userId: changes.userId });
      if (email && account.isNewEmail(email))
        await this.password.confirm(account.id, changes.password);
      account.editProfile(changes.profile ?? {}, changes.language);
      if (email) account.changeEmail(email);
      account.confirmRegistration();
    });
  }
}
