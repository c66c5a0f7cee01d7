import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { TransactionRunner } from '@app/platform';
import { GroupNotFoundError } from '../../../domain/groups.errors';
import { GroupsRepository } from '../../../infrastructure/groups.repository';
import { MemberDirectory } from '../../member-directory';
import { MoveAdministratorRoleCommand } from './move-administrator-role.command';

@CommandHandler(MoveAdministratorRoleCommand)
export class MoveAdministratorRoleHandler implements ICommandHandler<MoveAdministratorRoleCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly groups: GroupsRepository,
    private readonly directory: MemberDirectory,
  ) {}

  async execute({
    groupId,
    memberUserId,
    staffAccountId,
  }: MoveAdministratorRoleCommand): Promise<void> {
    if (!isUuid(groupId)) throw new GroupNotFoundError();
    await this.transactions.run(async (em) => {
      const group = await this.groups.lock(em, groupId);
      if (!group) throw new GroupNotFoundError();
      const successor = await this.directory.member(memberUserId);
      const userIds = new Map(
        await Promise.all(
          group
            .administratorAccountIds()
            .map(
              async (accountId) => [accountId, await this.directory.userIdOf(accountId)] as const,
            ),
        ),
      );
      group.moveAdministratorRoleTo(successor, staffAccountId, userIds);
    });
  }
}
