import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { CredentialRepository } from '../../../infrastructure/credential.repository';
import { StaffRosterRepository } from '../../../infrastructure/staff-roster.repository';
import { RevokeSessionsCommand } from '../revoke-sessions/revoke-sessions.command';
import { ForgetWithdrawnAccountCommand } from './forget-withdrawn-account.command';

@CommandHandler(ForgetWithdrawnAccountCommand)
export class ForgetWithdrawnAccountHandler
  implements ICommandHandler<ForgetWithdrawnAccountCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly commands: CommandBus,
    private readonly credentials: CredentialRepository,
    private readonly rosters: StaffRosterRepository,
  ) {}

  async execute({ accountId }: ForgetWithdrawnAccountCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      await this.commands.execute(
        new RevokeSessionsCommand(accountId, { reason: 'account_withdrawn' }),
      );
      await this.rosters.forgetAccount(em, accountId);
      await this.credentials.forget(em, accountId);
    });
  }
}
