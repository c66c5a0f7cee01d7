import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { StaffRosterRepository } from '../../../infrastructure/staff-roster.repository';
import { RevokeStaffRoleCommand } from './revoke-staff-role.command';

@CommandHandler(RevokeStaffRoleCommand)
export class RevokeStaffRoleHandler implements ICommandHandler<RevokeStaffRoleCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rosters: StaffRosterRepository,
  ) {}

  async execute({ accountId, role, byAccountId }: RevokeStaffRoleCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const roster = await this.rosters.lock(em);
      roster.revoke(accountId, role, byAccountId);
      this.rosters.save(em, roster);
    });
  }
}
