import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { AccountNotFoundError } from '../../../domain/accounts.errors';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { ReleaseStaffRolesCommand } from '../../ports/staff-roles.port';
import { WithdrawGroupMemberCommand } from './withdraw-group-member.command';

@CommandHandler(WithdrawGroupMemberCommand)
export class WithdrawGroupMemberHandler implements ICommandHandler<WithdrawGroupMemberCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountRepository,
    private readonly commands: CommandBus,
  ) {}

  execute({
    accountId,
  }: WithdrawGroupMemberCommand): Promise<{ accountId: string; userId: string }> {
    return this.transactions.run(async (em) => {
      // Locked like support's completion: a concurrent second withdrawal finds the account withdrawn.
      const account = await this.accounts.lockById(em, accountId);
      if (!account) throw new AccountNotFoundError();
      account.withdrawAsGroupMember();
      // Refused (LAST_ADMIN_ROLE), and the withdrawal with it, for the service's last administrator.
      await this.commands.execute(new ReleaseStaffRolesCommand(account.id));
      return { accountId: account.id, userId: account.userId };
    });
  }
}
