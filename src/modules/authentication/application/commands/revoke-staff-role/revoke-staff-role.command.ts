import { Command } from '@nestjs/cqrs';
import type { StaffRole } from '@app/platform';

/** Takes a staff role away; the account's sessions then carry the reduced roles at once. Idempotent. */
export class RevokeStaffRoleCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly role: StaffRole,
    readonly byAccountId: string | null,
  ) {
    super();
  }
}
