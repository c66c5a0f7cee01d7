import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { QueryBus } from '@nestjs/cqrs';
import {
  FindAccountForLoginQuery,
  GetAccountQuery,
} from '../../../src/modules/accounts/public-api';
import { MemberDirectory } from '../../../src/modules/groups/application/member-directory';
import { Group, Membership } from '../../../src/modules/groups/domain/group.entity';
import type { Member } from '../../../src/modules/groups/domain/group.entity';
import { immediateTransactions, recordingCommandBus } from './accounts-doubles';
import type { GroupsRepository } from '../../../src/modules/groups/infrastructure/groups.repository';

/**
 * A group's memberships are a MikroORM collection, which needs the entities' metadata: a spec that
 * builds groups calls this once, and the metadata is discovered (no database connection) around it.
 */
export function useGroupsModel(): void {
  let orm: MikroORM | undefined;
  beforeAll(async () => {
    orm = await MikroORM.init({
      driver: PostgreSqlDriver,
      entities: [Group, Membership],
      dbName: 'unit-specs-never-connect',
      connect: false,
    });
  });
  afterAll(() => orm?.close());
}

export const aMember = (userId: string): Member => ({ accountId: `acc-${userId}`, userId });

/** A group holding `administrators` and `members` (user IDs); account IDs are `acc-<userId>`. */
export function aGroup(
  people: { administrators?: string[]; members?: string[] } = {},
  id = 'g-1',
): Group {
  const group = Object.assign(new Group(), { id, name: '品質管理研究会' });
  for (const [userIds, isAdministrator] of [
    [people.administrators ?? ['Admin001'], true],
    [people.members ?? [], false],
  ] as const) {
    for (const userId of userIds)
      group.memberships.add(Membership.of(group, aMember(userId).accountId, isAdministrator));
  }
  return group;
}

export const eventsOf = (group: Group) =>
  group.pullEvents().map((event) => ({ type: event.type, payload: event.payload }));

/** The repository the handlers lock groups through, holding `groups` in memory. */
export function groupsHolding(...groups: Group[]): GroupsRepository {
  const byId = (id: string) => groups.find((g) => g.id === id) ?? null;
  return {
    lock: jest.fn((_em: EntityManager, id: string) => Promise.resolve(byId(id))),
    membershipOf: jest.fn((_em: EntityManager, accountId: string) =>
      Promise.resolve(
        groups.flatMap((g) => g.memberships.getItems()).find((m) => m.accountId === accountId) ??
          null,
      ),
    ),
  } as unknown as GroupsRepository;
}

/**
 * The accounts context's queries, answering for every `acc-<userId>` account (e-mail
 * `<userId>@example.jp`, language `ja`, profile name `氏名 <userId>`); user IDs starting with
 * `nobody` are unknown.
 */
export function accountsAnswering(): QueryBus {
  const account = (userId: string) => ({
    accountId: aMember(userId).accountId,
    userId,
    email: `${userId}@example.jp`,
    language: 'ja',
    status: 'active',
    profile: { name: `氏名 ${userId}`, nameKana: 'シメイ', phone: null },
  });
  return {
    execute: jest.fn((query: unknown) => {
      if (query instanceof FindAccountForLoginQuery)
        return Promise.resolve(query.userId.startsWith('nobody') ? null : account(query.userId));
      if (query instanceof GetAccountQuery)
        return Promise.resolve(account(query.accountId.replace(/^acc-/, '')));
      return Promise.reject(new Error('unexpected query'));
    }),
  } as unknown as QueryBus;
}

export function directoryOver(groups: GroupsRepository): MemberDirectory {
  return new MemberDirectory(accountsAnswering(), groups);
}

/**
 * What most handler specs act on: group `g-1` (administrator Admin001, member Member01) and group
 * `g-2` (administrator Other001, member Other002), a directory over both, transactions that just
 * run, and a command bus that records what it is sent.
 */
export function aGroupsScene() {
  const group = aGroup({ members: ['Member01'] });
  const other = aGroup({ administrators: ['Other001'], members: ['Other002'] }, 'g-2');
  const groups = groupsHolding(group, other);
  return {
    group,
    other,
    groups,
    directory: directoryOver(groups),
    transactions: immediateTransactions(),
    commands: recordingCommandBus(),
  };
}
