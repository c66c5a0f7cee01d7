import { StaffRoleAssignment } from './staff-role-assignment.entity';
import type { StaffRole } from './staff-role-assignment.entity';
import { StaffRoster } from './staff-roster';

const holding = (...held: Array<[string, StaffRole]>) =>
  StaffRoster.of(
    held.map(([accountId, role]) =>
      Object.assign(new StaffRoleAssignment(), { accountId, role, grantedAt: new Date() }),
    ),
  );
const recorded = (roster: StaffRoster) =>
  roster.pullEvents().map((e) => ({ type: e.type, payload: e.payload }));

describe('StaffRoster', () => {
  it('grants a role once, recording who granted it', () => {
    const roster = holding(['acc-admin', 'admin']);
    roster.grant('acc-1', 'support', 'acc-admin');
    roster.grant('acc-1', 'support', 'acc-admin');
    expect(roster.isStaff('acc-1')).toBe(true);
    expect(recorded(roster)).toEqual([
      {
        type: 'authentication.staff-role-granted',
        payload: { accountId: 'acc-1', role: 'support', byAccountId: 'acc-admin' },
      },
    ]);
    expect(roster.changes().granted.map((a) => [a.accountId, a.role, a.grantedBy])).toEqual([
      ['acc-1', 'support', 'acc-admin'],
    ]);
  });

  it('revokes a held role once; revoking a role not held changes nothing', () => {
    const roster = holding(['acc-admin', 'admin'], ['acc-1', 'support']);
    roster.revoke('acc-1', 'support', 'acc-admin');
    roster.revoke('acc-1', 'support', 'acc-admin');
    roster.revoke('acc-1', 'admin', 'acc-admin');
    expect(roster.isStaff('acc-1')).toBe(false);
    expect(recorded(roster)).toEqual([
      {
        type: 'authentication.staff-role-revoked',
        payload: { accountId: 'acc-1', role: 'support', byAccountId: 'acc-admin' },
      },
    ]);
    expect(roster.changes().revoked.map((a) => a.accountId)).toEqual(['acc-1']);
  });

  it('never lets the last administrator lose the admin role (LAST_ADMIN_ROLE), recording nothing', () => {
    const roster = holding(['acc-admin', 'admin'], ['acc-admin', 'support']);
    expect(() => roster.revoke('acc-admin', 'admin', 'acc-admin')).toThrow(
      expect.objectContaining({ code: 'LAST_ADMIN_ROLE' }),
    );
    roster.revoke('acc-admin', 'support', 'acc-admin');
    expect(recorded(roster).map((e) => e.type)).toEqual(['authentication.staff-role-revoked']);
  });

  it('of two administrators revoking each other, only the first succeeds', () => {
    const roster = holding(['acc-a', 'admin'], ['acc-b', 'admin']);
    roster.revoke('acc-b', 'admin', 'acc-a');
    expect(() => roster.revoke('acc-a', 'admin', 'acc-b')).toThrow(
      expect.objectContaining({ code: 'LAST_ADMIN_ROLE' }),
    );
    expect(recorded(roster).map((e) => e.payload.accountId)).toEqual(['acc-b']);
  });

  it('takes every role from an account being withdrawn, recorded as revoked by no one', () => {
    const roster = holding(['acc-admin', 'admin'], ['acc-1', 'admin'], ['acc-1', 'support']);
    roster.release('acc-1');
    expect(roster.isStaff('acc-1')).toBe(false);
    expect(recorded(roster).map((e) => e.payload)).toEqual([
      { accountId: 'acc-1', role: 'admin', byAccountId: null },
      { accountId: 'acc-1', role: 'support', byAccountId: null },
    ]);
    expect(roster.changes().revoked).toHaveLength(2);
  });

  it('refuses to let the last administrator be withdrawn (LAST_ADMIN_ROLE)', () => {
    const roster = holding(['acc-admin', 'admin'], ['acc-1', 'support']);
    expect(() => roster.release('acc-admin')).toThrow(
      expect.objectContaining({ code: 'LAST_ADMIN_ROLE' }),
    );
    roster.release('acc-nobody');
    expect(recorded(roster)).toEqual([]);
  });
});
