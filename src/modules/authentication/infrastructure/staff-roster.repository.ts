import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { trackAggregate } from '@app/platform';
import { StaffRoleAssignment } from '../domain/staff-role-assignment.entity';
import { StaffRoster } from '../domain/staff-roster';

/** Any constant unique to this lock; every change of staff roles queues on it. */
const STAFF_ROSTER_LOCK = 7_202_613;

@Injectable()
export class StaffRosterRepository {
  /**
   * The roster, read only once the transaction holds the roster's lock: two administrators
   * revoking each other at once, or one role granted twice at once, apply one after the other.
   * (A row lock would not do: a grant inserts a row that no one could have locked.)
   */
  async lock(em: EntityManager): Promise<StaffRoster> {
    await em.execute('select pg_advisory_xact_lock(?)', [STAFF_ROSTER_LOCK]);
    const roster = StaffRoster.of(await em.find(StaffRoleAssignment, {}, { refresh: true }));
    // No row of its own: the runner finds its events only because it is tracked.
    trackAggregate(em, roster);
    return roster;
  }

  save(em: EntityManager, roster: StaffRoster): void {
    const { granted, revoked } = roster.changes();
    for (const assignment of granted) em.persist(assignment);
    for (const assignment of revoked) em.remove(assignment);
  }

  /** A withdrawn account's roles are erased without going through the roster (ADR 0022). */
  async forgetAccount(em: EntityManager, accountId: string): Promise<void> {
    await em.nativeDelete(StaffRoleAssignment, { accountId });
  }
}
