import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { GetAccountQuery } from '../../../accounts/public-api';
import { GetTwoFactorStatusQuery } from '../../../two-factor/public-api';
import { GroupNotFoundError } from '../../domain/groups.errors';
import { GroupsRepository } from '../../infrastructure/groups.repository';
import type { GroupView, MemberView } from './member-view';

/** The member-management screen and the support view read the same picture of a group. */
@Injectable()
export class GroupReader {
  constructor(
    private readonly em: EntityManager,
    private readonly groups: GroupsRepository,
    private readonly queries: QueryBus,
  ) {}

  async read(groupId: string): Promise<GroupView> {
    const em = forkForReads(this.em);
    const group = await this.groups.find(em, groupId);
    if (!group) throw new GroupNotFoundError();
    const memberships = await this.groups.membersOf(em, groupId);
    const members = await Promise.all(
      memberships.map(async (membership): Promise<MemberView | null> => {
        const [account, twoFactor] = await Promise.all([
          this.queries.execute(new GetAccountQuery(membership.accountId)),
          this.queries.execute(new GetTwoFactorStatusQuery(membership.accountId)),
        ]);
        // Withdrawn between the two reads: its membership is about to be removed.
        if (!account || account.status === 'withdrawn') return null;
        return {
          userId: account.userId,
          email: account.email,
          name: account.profile.name,
          nameKana: account.profile.nameKana,
          phone: account.profile.phone,
          language: account.language,
          status: account.status,
          isAdministrator: membership.isAdministrator,
          joinedAt: membership.joinedAt,
          twoFactor: {
            enabled: twoFactor.enabled,
            enrolled: twoFactor.enrolled,
            requiredByGroup: twoFactor.requiredByGroup,
            locked: twoFactor.locked,
          },
        };
      }),
    );
    return {
      id: group.id,
      name: group.name,
      createdAt: group.createdAt,
      members: members.filter((m): m is MemberView => m !== null),
    };
  }
}
