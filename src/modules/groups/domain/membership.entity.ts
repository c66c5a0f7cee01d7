import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Group } from './group.entity';

/**
 * A group-type account belongs to exactly one group: the account ID is the key. Changed only
 * through its `Group`, which holds the group's memberships.
 */
@Entity({ schema: 'groups', tableName: 'membership' })
@Index({ properties: ['group', 'isAdministrator'] })
export class Membership {
  @PrimaryKey({ type: 'uuid' })
  readonly accountId!: string;

  // No foreign key: the table has none, and adding one would need a migration for no new rule.
  @ManyToOne(() => Group, { fieldName: 'group_id', createForeignKeyConstraint: false })
  readonly group!: Group;

  @Property({ type: 'boolean' })
  isAdministrator = false;

  @Property({ type: 'timestamptz' })
  readonly joinedAt: Date = new Date();

  static of(group: Group, accountId: string, isAdministrator: boolean): Membership {
    return Object.assign(new Membership(), { group, accountId, isAdministrator });
  }
}
