import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { StaffRoleRevoked } from '../../../domain/authentication.events';
import { LastAdminError } from '../../../domain/authentication.errors';
import { RevokeStaffRoleCommand } from './revoke-staff-role.command';

@CommandHandler(RevokeStaffRoleCommand)
export class RevokeStaffRoleHandler implements ICommandHandler<RevokeStaffRoleCommand> {
  constructor(private readonly transactions: TransactionRunner) {}

  async execute({ accountId, role, byAccountId }: RevokeStaffRoleCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      if (role === 'admin') {
        // Locking every admin row serialises concurrent revocations, so two admins revoking each
        // other at once cannot leave the service without an administrator.
        const admins = await em.execute<{ account_id: string }[]>(
          `select "account_id" from "authentication"."staff_role" where "role" = 'admin' for update`,
        );
        const holds = admins.some((admin) => admin.account_id === accountId);
        if (holds && admins.length === 1) throw new LastAdminError();
      }
      const deleted = await em.execute<{ role: string }[]>(
        `delete from "authentication"."staff_role" where "account_id" = ? and "role" = ? returning "role"`,
        [accountId, role],
      );
      if (deleted.length > 0)
        this.transactions.publish(em, new StaffRoleRevoked(accountId, role, byAccountId));
    });
  }
}
