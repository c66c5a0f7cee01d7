import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { StaffRosterRepository } from '../../../infrastructure/staff-roster.repository';
import { RevokeSessionsCommand } from '../revoke-sessions/revoke-sessions.command';
import { GrantStaffRoleCommand } from './grant-staff-role.command';

@CommandHandler(GrantStaffRoleCommand)
export class GrantStaffRoleHandler implements ICommandHandler<GrantStaffRoleCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rosters: StaffRosterRepository,
    private readonly commands: CommandBus,
  ) {}

  async execute({ accountId, role, byAccountId }: GrantStaffRoleCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const roster = await this.rosters.lock(em);
      const wasStaff = roster.isStaff(accountId);
      roster.grant(accountId, role, byAccountId);
      this.rosters.save(em, roster);
      // Staff must log in with a second factor: sessions opened before becoming staff may not carry the role.
      if (!wasStaff) {
        await this.commands.execute(
          new RevokeSessionsCommand(accountId, { reason: 'staff_role_granted' }),
        );
      }
    });
  }
}
