import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { isUuid } from '@app/ddd';
import { forkForReads } from '@app/platform';
import { Group, Membership } from '../domain/group.entity';

/**
 * Every read behind the groups context's queries, in one place, outside any lock; the query side
 * joins what it answers with the accounts and two-factor views of each member. Reads join the
 * caller's transaction when there is one and never ask the pool for a second connection (ADR 0006).
 */
@Injectable()
export class GroupsReadModel {
  constructor(private readonly em: EntityManager) {}

  /** The group with its memberships, earliest joined first; null when there is no such group. */
  async group(groupId: string): Promise<{ group: Group; memberships: Membership[] } | null> {
    const em = forkForReads(this.em);
    const group = await em.findOne(Group, { id: groupId });
    if (!group) return null;
    const memberships = await em.find(
      Membership,
      { group: groupId },
      { orderBy: { joinedAt: 'asc', accountId: 'asc' }, refresh: true },
    );
    return { group, memberships };
  }

  /** The group the account administers; null when it administers none. */
  async groupAdministeredBy(accountId: string): Promise<string | null> {
    const membership = await forkForReads(this.em).findOne(
      Membership,
      { accountId },
      { refresh: true },
    );
    return membership?.isAdministrator ? membership.group.id : null;
  }

  /** The account's membership with its group loaded; null when it belongs to none. */
  membershipOf(accountId: string): Promise<Membership | null> {
    return forkForReads(this.em).findOne(
      Membership,
      { accountId },
      { populate: ['group'], refresh: true },
    );
  }

  async memberIdsOf(groupId: string): Promise<string[]> {
    if (!isUuid(groupId)) return [];
    const memberships = await forkForReads(this.em).find(
      Membership,
      { group: groupId },
      { fields: ['accountId'], limit: 10_000 },
    );
    return memberships.map((m) => m.accountId);
  }
}
