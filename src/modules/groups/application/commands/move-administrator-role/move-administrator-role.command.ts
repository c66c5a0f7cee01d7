import { Command } from '@nestjs/cqrs';

/**
 * Support hands the administrator role to `memberUserId` (e.g. the last administrator left the
 * company); the member becomes the group's only administrator.
 */
export class MoveAdministratorRoleCommand extends Command<void> {
  constructor(
    readonly groupId: string,
    readonly memberUserId: string,
    readonly staffAccountId: string,
  ) {
    super();
  }
}
