import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { ReleaseStaffRolesCommand } from '../../../../accounts/public-api';
import { StaffRosterRepository } from '../../../infrastructure/staff-roster.repository';

/** Accounts' port: an account being withdrawn gives up its staff roles through the roster. */
@CommandHandler(ReleaseStaffRolesCommand)
export class ReleaseStaffRolesHandler implements ICommandHandler<ReleaseStaffRolesCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rosters: StaffRosterRepository,
  ) {}

  async execute({ accountId }: ReleaseStaffRolesCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const roster = await this.rosters.lock(em);
      roster.release(accountId);
      this.rosters.save(em, roster);
    });
  }
}
