import { Command } from '@nestjs/cqrs';

/**
 * Before an account is withdrawn, whoever keeps the staff roles (the authentication context) takes
 * away the ones it holds. Dispatched inside the withdrawal's transaction, so a refusal — the
 * service's last administrator may not go — refuses the withdrawal with it.
 */
export class ReleaseStaffRolesCommand extends Command<void> {
  constructor(readonly accountId: string) {
    super();
  }
}
