import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GroupsReadModel } from '../../../infrastructure/groups.read-model';
import { GetMembershipQuery, ListGroupMemberIdsQuery } from './get-membership.query';
import type { MembershipView } from './get-membership.query';

@QueryHandler(GetMembershipQuery)
export class GetMembershipHandler implements IQueryHandler<GetMembershipQuery> {
  constructor(private readonly readModel: GroupsReadModel) {}

  async execute({ accountId }: GetMembershipQuery): Promise<MembershipView | null> {
    const membership = await this.readModel.membershipOf(accountId);
    if (!membership) return null;
    return {
      groupId: membership.group.id,
      groupName: membership.group.name,
      isAdministrator: membership.isAdministrator,
      joinedAt: membership.joinedAt.toISOString(),
    };
  }
}

@QueryHandler(ListGroupMemberIdsQuery)
export class ListGroupMemberIdsHandler implements IQueryHandler<ListGroupMemberIdsQuery> {
  constructor(private readonly readModel: GroupsReadModel) {}

  execute({ groupId }: ListGroupMemberIdsQuery): Promise<string[]> {
    return this.readModel.memberIdsOf(groupId);
  }
}
