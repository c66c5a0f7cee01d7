import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FindAccountForLoginQuery, GetAccountQuery } from '../../accounts/public-api';
import type { Group, Member } from '../domain/group.entity';
import {
  GroupNotFoundError,
  MemberNotFoundError,
  NotGroupAdministratorError,
} from '../domain/groups.errors';
import { GroupsRepository } from '../infrastructure/groups.repository';

/**
 * Finds what a member-management action acts on: the caller's own group, locked, and members
 * named by the accounts context. A caller who administers no group is refused (403) before
 * anything else; whether the member belongs to the group is the group's own rule.
 */
@Injectable()
export class MemberDirectory {
  constructor(
    private readonly queries: QueryBus,
    private readonly groups: GroupsRepository,
  ) {}

  async groupAdministeredBy(em: EntityManager, actorAccountId: string): Promise<string> {
    const membership = await this.groups.membershipOf(em, actorAccountId);
    if (!membership?.isAdministrator) throw new NotGroupAdministratorError();
    return membership.group.id;
  }

  /** The group checks again, under its lock, that the caller still administers it. */
  async lockGroupAdministeredBy(em: EntityManager, actorAccountId: string): Promise<Group> {
    const group = await this.groups.lock(em, await this.groupAdministeredBy(em, actorAccountId));
    if (!group) throw new GroupNotFoundError();
    return group;
  }

  /** The account a user ID names; an unknown ID is as unknown as another group's member (404). */
  async member(userId: string): Promise<Member & { email: string; language: string }> {
    const account = await this.queries.execute(new FindAccountForLoginQuery(userId));
    if (!account) throw new MemberNotFoundError();
    return {
      accountId: account.accountId,
      userId: account.userId,
      email: account.email,
      language: account.language,
    };
  }

  /** The user ID of a member known by account ID (the caller, a listed administrator). */
  async userIdOf(accountId: string): Promise<string> {
    const account = await this.queries.execute(new GetAccountQuery(accountId));
    if (!account) throw new MemberNotFoundError();
    return account.userId;
  }
}
