import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetAccountQuery } from '../../../accounts/public-api';
import { GetTwoFactorStatusQuery } from '../../../two-factor/public-api';
import { GroupNotFoundError } from '../../domain/groups.errors';
import { GroupsReadModel } from '../../infrastructure/groups.read-model';
import type { GroupView, MemberView } from './member-view';

/** The member-management screen and the support view read the same picture of a group. */
@Injectable()
export class GroupReader {
  constructor(
    private readonly groups: GroupsReadModel,
    private readonly queries: QueryBus,
  ) {}

  async read(groupId: string): Promise<GroupView> {
    const found = await this.groups.group(groupId);
    if (!found) throw new GroupNotFoundError();
    const { group, memberships } = found;
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
