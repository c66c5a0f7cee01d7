import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { GroupsRepository } from '../../../infrastructure/groups.repository';
import { RemoveWithdrawnMemberCommand } from './remove-withdrawn-member.command';

/**
 * Leaving may take the group's last administrator with it; support then moves the role
 * (`PUT /admin/groups/{id}/administrators/{userId}`), so a withdrawal is never refused here.
 */
@CommandHandler(RemoveWithdrawnMemberCommand)
export class RemoveWithdrawnMemberHandler implements ICommandHandler<RemoveWithdrawnMemberCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly groups: GroupsRepository,
  ) {}

  async execute({ accountId, userId }: RemoveWithdrawnMemberCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const membership = await this.groups.membershipOf(em, accountId);
      if (!membership) return;
      const group = await this.groups.lock(em, membership.group.id);
      group?.removeMember({ accountId, userId });
    });
  }
}
