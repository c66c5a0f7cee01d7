import { Command } from '@nestjs/cqrs';
import type { StaffRole } from '@app/platform';

/** Gives an account a staff role; `byAccountId` is null for the start-up bootstrap. Idempotent. */
export class GrantStaffRoleCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly role: StaffRole,
    readonly byAccountId: string | null,
  ) {
    super();
  }
}
