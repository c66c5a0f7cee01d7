import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FindAccountForLoginQuery, GetAccountQuery } from '../../accounts/public-api';
import type { Member } from '../domain/group.entity';
import { MemberNotFoundError, NotGroupAdministratorError } from '../domain/groups.errors';
import type { Membership } from '../domain/membership.entity';
import { GroupsRepository } from '../infrastructure/groups.repository';

/**
 * Every member-management action is checked against the caller's own group: a caller who does not
 * administer a group is refused (403), and a member of another group is as unknown as a free ID
 * (404), so an administrator cannot probe which IDs other groups hold.
 */
@Injectable()
export class MemberDirectory {
  constructor(
    private readonly queries: QueryBus,
    private readonly groups: GroupsRepository,
  ) {}

  async administrator(em: EntityManager, actorAccountId: string): Promise<Membership> {
    const membership = await this.groups.membershipOf(em, actorAccountId);
    if (!membership?.isAdministrator) throw new NotGroupAdministratorError();
    return membership;
  }

  async member(
    em: EntityManager,
    groupId: string,
    userId: string,
  ): Promise<Member & { email: string; language: string }> {
    const account = await this.queries.execute(new FindAccountForLoginQuery(userId));
    const membership = account && (await this.groups.membershipOf(em, account.accountId));
    if (!account || membership?.groupId !== groupId) throw new MemberNotFoundError();
    return { membership, userId: account.userId, email: account.email, language: account.language };
  }

  /** The user ID of a member known by account ID (the caller, a listed administrator). */
  async memberByAccountId(membership: Membership): Promise<Member> {
    const account = await this.queries.execute(new GetAccountQuery(membership.accountId));
    if (!account) throw new MemberNotFoundError();
    return { membership, userId: account.userId };
  }
}
