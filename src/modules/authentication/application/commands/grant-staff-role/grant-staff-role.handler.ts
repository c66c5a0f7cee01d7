import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { StaffRoleGranted } from '../../../domain/authentication.events';
import { StaffRoleAssignment } from '../../../domain/staff-role-assignment.entity';
import { RevokeSessionsCommand } from '../revoke-sessions/revoke-sessions.command';
import { GrantStaffRoleCommand } from './grant-staff-role.command';

@CommandHandler(GrantStaffRoleCommand)
export class GrantStaffRoleHandler implements ICommandHandler<GrantStaffRoleCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly commands: CommandBus,
  ) {}

  async execute({ accountId, role, byAccountId }: GrantStaffRoleCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const wasStaff = (await em.count(StaffRoleAssignment, { accountId })) > 0;
      const inserted = await em.execute<{ role: string }[]>(
        `insert into "authentication"."staff_role" ("account_id", "role", "granted_at", "granted_by")
         values (?, ?, now(), ?) on conflict do nothing returning "role"`,
        [accountId, role, byAccountId],
      );
      if (inserted.length === 0) return;
      this.transactions.publish(em, new StaffRoleGranted(accountId, role, byAccountId));
      // Staff must log in with a second factor: sessions opened before becoming staff may not carry the role.
      if (!wasStaff) {
        await this.commands.execute(
          new RevokeSessionsCommand(accountId, { reason: 'staff_role_granted' }),
        );
      }
    });
  }
}
