import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';
import { AccountDirectory } from '../../account-directory';
import { RequireTwoFactorForMemberCommand } from './require-two-factor-for-member.command';

/** The groups context has already checked that `byAccountId` administers the member's group. */
@CommandHandler(RequireTwoFactorForMemberCommand)
export class RequireTwoFactorForMemberHandler
  implements ICommandHandler<RequireTwoFactorForMemberCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: TwoFactorRepository,
    private readonly directory: AccountDirectory,
  ) {}

  async execute(command: RequireTwoFactorForMemberCommand): Promise<void> {
    const contact = await this.directory.contactOf(command.accountId);
    await this.transactions.run(async (em) => {
      if (command.required) {
        const account = await this.repository.lockOrOpen(em, command.accountId);
        account.requireByGroup(contact, command.byAccountId);
      } else {
        const account = await this.repository.lock(em, command.accountId);
        account?.liftGroupRequirement(command.byAccountId);
      }
    });
  }
}
