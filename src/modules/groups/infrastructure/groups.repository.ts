import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Group, Membership } from '../domain/group.entity';

@Injectable()
export class GroupsRepository {
  /**
   * Creates the group with its first administrator unless an earlier delivery of the same
   * registration already did: true only for the call that inserted the group.
   */
  async createOnce(
    em: EntityManager,
    group: { id: string; name: string; administratorAccountId: string },
  ): Promise<boolean> {
    const inserted = await em.execute<{ id: string }[]>(
      'insert into "groups"."group" ("id", "name", "created_at") values (?, ?, now()) ' +
        'on conflict ("id") do nothing returning "id"',
      [group.id, group.name],
    );
    await em.execute(
      'insert into "groups"."membership" ("account_id", "group_id", "is_administrator", "joined_at") ' +
        'values (?, ?, true, now()) on conflict ("account_id") do nothing',
      [group.administratorAccountId, group.id],
    );
    return inserted.length > 0;
  }

  /**
   * The group with all its memberships, its row locked until the transaction ends: every change to
   * its members queues here, and the memberships are read only once the lock is held.
   */
  async lock(em: EntityManager, groupId: string): Promise<Group | null> {
    const group = await em.findOne(
      Group,
      { id: groupId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (group) await group.memberships.init({ refresh: true });
    return group;
  }

  /** Read before any lock, only to know which group to lock. */
  membershipOf(em: EntityManager, accountId: string): Promise<Membership | null> {
    return em.findOne(Membership, { accountId }, { refresh: true });
  }
}
