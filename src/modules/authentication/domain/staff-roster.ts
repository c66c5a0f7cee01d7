import { AggregateRoot } from '@app/ddd';
import { LastAdminError } from './authentication.errors';
import { StaffRoleGranted, StaffRoleRevoked } from './authentication.events';
import { StaffRoleAssignment } from './staff-role-assignment.entity';
import type { StaffRole } from './staff-role-assignment.entity';

/**
 * Who holds which staff role, for the whole service: a few dozen rows at most. Its one rule spans
 * accounts — the service never loses its last administrator — so the aggregate is the roster
 * rather than one account's roles, and it is loaded under one lock for every change.
 */
export class StaffRoster extends AggregateRoot {
  private readonly granted: StaffRoleAssignment[] = [];
  private readonly revoked: StaffRoleAssignment[] = [];

  private constructor(private readonly assignments: StaffRoleAssignment[]) {
    super();
  }

  static of(assignments: StaffRoleAssignment[]): StaffRoster {
    return new StaffRoster([...assignments]);
  }

  isStaff(accountId: string): boolean {
    return this.assignments.some((assignment) => assignment.accountId === accountId);
  }

  /** `byAccountId` is null for the start-up bootstrap. Granting a held role changes nothing. */
  grant(accountId: string, role: StaffRole, byAccountId: string | null): void {
    if (this.find(accountId, role)) return;
    const assignment = Object.assign(new StaffRoleAssignment(), {
      accountId,
      role,
      grantedAt: new Date(),
      grantedBy: byAccountId,
    });
    this.assignments.push(assignment);
    this.granted.push(assignment);
    this.record(new StaffRoleGranted({ accountId, role, byAccountId }));
  }

  /** Revoking a role the account does not hold changes nothing. */
  revoke(accountId: string, role: StaffRole, byAccountId: string | null): void {
    const assignment = this.find(accountId, role);
    if (!assignment) return;
    if (role === 'admin' && this.holdersOf('admin') === 1) throw new LastAdminError();
    this.assignments.splice(this.assignments.indexOf(assignment), 1);
    this.revoked.push(assignment);
    this.record(new StaffRoleRevoked({ accountId, role, byAccountId }));
  }

  /**
   * An account that is withdrawn gives up every role it holds, recorded as revoked by no one; the
   * service's last administrator cannot go (LAST_ADMIN_ROLE).
   */
  release(accountId: string): void {
    const held = this.assignments.filter((assignment) => assignment.accountId === accountId);
    for (const { role } of held) this.revoke(accountId, role, null);
  }

  /** The assignments to insert and to delete, for the repository. */
  changes(): { granted: StaffRoleAssignment[]; revoked: StaffRoleAssignment[] } {
    return { granted: [...this.granted], revoked: [...this.revoked] };
  }

  private holdersOf(role: StaffRole): number {
    return this.assignments.filter((assignment) => assignment.role === role).length;
  }

  private find(accountId: string, role: StaffRole): StaffRoleAssignment | undefined {
    return this.assignments.find((a) => a.accountId === accountId && a.role === role);
  }
}
