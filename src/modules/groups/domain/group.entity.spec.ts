import { Group } from './group.entity';
import type { Member } from './group.entity';
import { Membership } from './membership.entity';

const group = () => Object.assign(new Group(), { id: 'g-1', name: '品質管理研究会' });
const member = (userId: string, isAdministrator: boolean, groupId = 'g-1'): Member => ({
  membership: Membership.of(groupId, `acc-${userId}`, isAdministrator),
  userId,
});
const eventTypes = (g: Group) => g.pullEvents().map((e) => e.type);

describe('Group', () => {
  it('refuses to let the last administrator step down, recording nothing', () => {
    const g = group();
    const only = member('Admin001', true);
    expect(() => g.stepDown(only, 1)).toThrow(
      expect.objectContaining({ code: 'LAST_ADMINISTRATOR' }),
    );
    expect(only.membership.isAdministrator).toBe(true);
    expect(eventTypes(g)).toEqual([]);
  });

  it('lets an administrator step down while another one remains', () => {
    const g = group();
    const one = member('Admin001', true);
    g.stepDown(one, 2);
    expect(one.membership.isAdministrator).toBe(false);
    expect(eventTypes(g)).toEqual(['groups.administrator-stepped-down']);
  });

  it('appoints a member once: appointing an administrator again records nothing', () => {
    const g = group();
    const m = member('Member01', false);
    g.appointAdministrator(m, 'acc-Admin001');
    g.appointAdministrator(m, 'acc-Admin001');
    expect(m.membership.isAdministrator).toBe(true);
    expect(eventTypes(g)).toEqual(['groups.administrator-appointed']);
  });

  it('treats a member of another group as unknown', () => {
    const g = group();
    expect(() => g.appointAdministrator(member('Other001', false, 'g-2'), 'acc-Admin001')).toThrow(
      expect.objectContaining({ code: 'MEMBER_NOT_FOUND' }),
    );
  });

  it('moves the role: the successor becomes the only administrator', () => {
    const g = group();
    const old = member('Admin001', true);
    const successor = member('Member01', false);
    g.moveAdministratorRole(successor, [old], 'acc-staff');
    expect([old.membership.isAdministrator, successor.membership.isAdministrator]).toEqual([
      false,
      true,
    ]);
    expect(g.pullEvents().map((e) => [e.type, e.payload.byAccountId])).toEqual([
      ['groups.administrator-appointed', 'acc-staff'],
      ['groups.administrator-stepped-down', 'acc-staff'],
    ]);
  });
});
