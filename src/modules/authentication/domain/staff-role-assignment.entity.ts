import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { StaffRole } from '@app/platform/auth/staff-role';

export type { StaffRole };

export const STAFF_ROLES: readonly StaffRole[] = ['support', 'admin'];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/** One staff role held by one account. */
@Entity({ schema: 'authentication', tableName: 'staff_role' })
export class StaffRoleAssignment {
  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @PrimaryKey({ type: 'string', length: 20 })
  role!: StaffRole;

  @Property({ type: 'timestamptz' })
  grantedAt!: Date;

  /** Null when granted by the start-up bootstrap rather than by an administrator. */
  @Property({ type: 'uuid', nullable: true })
  grantedBy: string | null = null;
}
