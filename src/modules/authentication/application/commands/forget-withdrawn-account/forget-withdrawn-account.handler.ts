import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { Credential } from '../../../domain/credential.entity';
import { StaffRoleAssignment } from '../../../domain/staff-role-assignment.entity';
import { RevokeSessionsCommand } from '../revoke-sessions/revoke-sessions.command';
import { ForgetWithdrawnAccountCommand } from './forget-withdrawn-account.command';

@CommandHandler(ForgetWithdrawnAccountCommand)
export class ForgetWithdrawnAccountHandler
  implements ICommandHandler<ForgetWithdrawnAccountCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly commands: CommandBus,
  ) {}

  async execute({ accountId }: ForgetWithdrawnAccountCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      await this.commands.execute(
        new RevokeSessionsCommand(accountId, { reason: 'account_withdrawn' }),
      );
      await em.nativeDelete(StaffRoleAssignment, { accountId });
      await em.nativeDelete(Credential, { accountId });
    });
  }
}
