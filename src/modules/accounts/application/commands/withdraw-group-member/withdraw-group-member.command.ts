import { Command } from '@nestjs/cqrs';

/**
 * Withdraws a group account at once on its group administrator's authority (no request step); the
 * groups context dispatches it after checking that the caller administers the member's group.
 */
export class WithdrawGroupMemberCommand extends Command<{ accountId: string; userId: string }> {
  constructor(readonly accountId: string) {
    super();
  }
}
