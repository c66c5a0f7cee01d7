import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A group-type account belongs to exactly one group: the account ID is the key. */
@Entity({ schema: 'groups', tableName: 'membership' })
@Index({ properties: ['groupId', 'isAdministrator'] })
export class Membership {
  @PrimaryKey({ type: 'uuid' })
  readonly accountId!: string;

  @Property({ type: 'uuid' })
  readonly groupId!: string;

  @Property({ type: 'boolean' })
  isAdministrator = false;

  @Property({ type: 'timestamptz' })
  readonly joinedAt: Date = new Date();

  static of(groupId: string, accountId: string, isAdministrator: boolean): Membership {
    return Object.assign(new Membership(), { groupId, accountId, isAdministrator });
  }
}
