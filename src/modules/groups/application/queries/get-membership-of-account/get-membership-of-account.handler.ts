import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { Membership } from '../../../domain/group.entity';
import { GetMembershipOfAccountQuery } from './get-membership-of-account.query';
import type { MembershipView } from './get-membership-of-account.query';

@QueryHandler(GetMembershipOfAccountQuery)
export class GetMembershipOfAccountHandler implements IQueryHandler<GetMembershipOfAccountQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ accountId }: GetMembershipOfAccountQuery): Promise<MembershipView | null> {
    const membership = await forkForReads(this.em).findOne(
      Membership,
      { accountId },
      { populate: ['group'] },
    );
    if (!membership) return null;
    return {
      groupId: membership.group.id,
      groupName: membership.group.name,
      isAdministrator: membership.isAdministrator,
      joinedAt: membership.joinedAt,
    };
  }
}
