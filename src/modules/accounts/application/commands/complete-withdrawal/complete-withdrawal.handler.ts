import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { AccountNotFoundError } from '../../../domain/accounts.errors';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { ReleaseStaffRolesCommand } from '../../ports/staff-roles.port';
import { CompleteWithdrawalCommand } from './complete-withdrawal.command';

@CommandHandler(CompleteWithdrawalCommand)
export class CompleteWithdrawalHandler implements ICommandHandler<CompleteWithdrawalCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountRepository,
    private readonly commands: CommandBus,
  ) {}

  execute({ userId }: CompleteWithdrawalCommand): Promise<{ accountId: string; userId: string }> {
    return this.transactions.run(async (em) => {
      // The row lock makes a second, concurrent completion wait and then find the account withdrawn.
      const account = await this.accounts.lockByUserId(em, userId);
      if (!account) throw new AccountNotFoundError();
      account.completeWithdrawal();
      // Refused (LAST_ADMIN_ROLE), and the withdrawal with it, for the service's last administrator.
      await this.commands.execute(new ReleaseStaffRolesCommand(account.id));
      return { accountId: account.id, userId: account.userId };
    });
  }
}
