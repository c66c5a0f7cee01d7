import { aGroup, aMember, useGroupsModel, eventsOf } from '@test/support/builders/groups-doubles';
import type { Group } from './group.entity';

const administrators = (group: Group) =>
  group.memberships
    .getItems()
    .filter((m) => m.isAdministrator)
    .map((m) => m.accountId)
    .sort();
const change = (userId: string, byAccountId: string) => ({
  groupId: 'g-1',
  accountId: `acc-${userId}`,
  userId,
  byAccountId,
});

describe('Group', () => {
  useGroupsModel();

  describe('its administrators never leave it without one', () => {
    it('refuses to let the last administrator step down with LAST_ADMINISTRATOR, recording nothing', () => {
      const group = aGroup({ administrators: ['Admin001'], members: ['Member01'] });
      expect(() => group.stepDown(aMember('Admin001'))).toThrow(
        expect.objectContaining({ code: 'LAST_ADMINISTRATOR' }),
      );
      expect(administrators(group)).toEqual(['acc-Admin001']);
      expect(eventsOf(group)).toEqual([]);
    });

    it('lets an administrator step down while another one remains, and not twice', () => {
      const group = aGroup({ administrators: ['Admin001', 'Admin002'] });
      group.stepDown(aMember('Admin001'));
      expect(administrators(group)).toEqual(['acc-Admin002']);
      expect(eventsOf(group)).toEqual([
        {
          type: 'groups.administrator-stepped-down',
          payload: change('Admin001', 'acc-Admin001'),
        },
      ]);
      expect(() => group.stepDown(aMember('Admin001'))).toThrow(
        expect.objectContaining({ code: 'NOT_GROUP_ADMINISTRATOR' }),
      );
      expect(() => group.stepDown(aMember('Admin002'))).toThrow(
        expect.objectContaining({ code: 'LAST_ADMINISTRATOR' }),
      );
      expect(eventsOf(group)).toEqual([]);
    });

    it('moves the role: the successor becomes the only administrator', () => {
      const group = aGroup({ administrators: ['Admin001', 'Admin002'], members: ['Member01'] });
      const userIds = new Map([
        ['acc-Admin001', 'Admin001'],
        ['acc-Admin002', 'Admin002'],
      ]);
      group.moveAdministratorRoleTo(aMember('Member01'), 'acc-staff', userIds);
      expect(administrators(group)).toEqual(['acc-Member01']);
      expect(eventsOf(group)).toEqual([
        { type: 'groups.administrator-appointed', payload: change('Member01', 'acc-staff') },
        { type: 'groups.administrator-stepped-down', payload: change('Admin001', 'acc-staff') },
        { type: 'groups.administrator-stepped-down', payload: change('Admin002', 'acc-staff') },
      ]);
    });

    it('moves the role to a group left without administrators, and repeating it changes nothing', () => {
      const group = aGroup({ administrators: [], members: ['Member01'] });
      group.moveAdministratorRoleTo(aMember('Member01'), 'acc-staff', new Map());
      group.moveAdministratorRoleTo(aMember('Member01'), 'acc-staff', new Map());
      expect(administrators(group)).toEqual(['acc-Member01']);
      expect(eventsOf(group).map((e) => e.type)).toEqual(['groups.administrator-appointed']);
    });

    it('lets a withdrawn administrator leave even when it was the last one', () => {
      const group = aGroup({ administrators: ['Admin001'], members: ['Member01'] });
      group.removeMember(aMember('Admin001'));
      group.removeMember(aMember('Admin001'));
      expect(administrators(group)).toEqual([]);
      expect(group.memberships.getItems().map((m) => m.accountId)).toEqual(['acc-Member01']);
      expect(eventsOf(group)).toEqual([
        {
          type: 'groups.member-left',
          payload: { groupId: 'g-1', accountId: 'acc-Admin001', userId: 'Admin001' },
        },
      ]);
    });
  });

  describe('administrators act on their own group only', () => {
    it('appoints a member once: appointing an administrator again records nothing', () => {
      const group = aGroup({ members: ['Member01'] });
      group.appointAdministrator(aMember('Member01'), 'acc-Admin001');
      group.appointAdministrator(aMember('Member01'), 'acc-Admin001');
      expect(administrators(group)).toEqual(['acc-Admin001', 'acc-Member01']);
      expect(eventsOf(group)).toEqual([
        { type: 'groups.administrator-appointed', payload: change('Member01', 'acc-Admin001') },
      ]);
    });

    it.each([
      ['a plain member', 'acc-Member01', 'NOT_GROUP_ADMINISTRATOR'],
      ['an account in no group', 'acc-Stranger', 'NOT_GROUP_ADMINISTRATOR'],
    ])('refuses %s (%s) with %s', (_who, caller, code) => {
      const group = aGroup({ members: ['Member01', 'Member02'] });
      for (const act of [
        () => group.appointAdministrator(aMember('Member02'), caller),
        () => group.registerMember(aMember('New00001'), caller),
        () => group.recordWithdrawalBy(aMember('Member02'), caller),
        () => group.recordTwoFactorRequirementBy(aMember('Member02'), caller, true),
        () =>
          group.recordProfileCorrection(aMember('Member02'), caller, {
            changedFields: ['name'],
            email: 'x@example.jp',
            language: 'ja',
          }),
      ])
        expect(act).toThrow(expect.objectContaining({ code }));
      expect(eventsOf(group)).toEqual([]);
    });

    it('treats a member of another group as unknown (MEMBER_NOT_FOUND)', () => {
      const group = aGroup();
      const other = aMember('Other001');
      for (const act of [
        () => group.appointAdministrator(other, 'acc-Admin001'),
        () => group.recordWithdrawalBy(other, 'acc-Admin001'),
        () => group.recordTwoFactorRequirementBy(other, 'acc-Admin001', true),
        () => group.moveAdministratorRoleTo(other, 'acc-staff', new Map()),
      ])
        expect(act).toThrow(expect.objectContaining({ code: 'MEMBER_NOT_FOUND' }));
      expect(eventsOf(group)).toEqual([]);
    });

    it('refuses to withdraw the administrator itself with CANNOT_WITHDRAW_SELF', () => {
      const group = aGroup();
      expect(() => group.recordWithdrawalBy(aMember('Admin001'), 'acc-Admin001')).toThrow(
        expect.objectContaining({ code: 'CANNOT_WITHDRAW_SELF' }),
      );
      expect(eventsOf(group)).toEqual([]);
    });
  });

  describe('members', () => {
    it('registers a member as a plain member', () => {
      const group = aGroup();
      group.registerMember(aMember('New00001'), 'acc-Admin001');
      expect(group.memberships.getItems().map((m) => [m.accountId, m.isAdministrator])).toEqual([
        ['acc-Admin001', true],
        ['acc-New00001', false],
      ]);
      expect(eventsOf(group)).toEqual([
        { type: 'groups.member-registered', payload: change('New00001', 'acc-Admin001') },
      ]);
    });

    it('records a profile correction with the changed fields, and nothing when none changed', () => {
      const group = aGroup({ members: ['Member01'] });
      const correction = { email: 'm@example.jp', language: 'en' };
      group.recordProfileCorrection(aMember('Member01'), 'acc-Admin001', {
        ...correction,
        changedFields: [],
      });
      group.recordProfileCorrection(aMember('Member01'), 'acc-Admin001', {
        ...correction,
        changedFields: ['name'],
      });
      expect(eventsOf(group)).toEqual([
        {
          type: 'groups.member-profile-changed',
          payload: {
            ...change('Member01', 'acc-Admin001'),
            ...correction,
            changedFields: ['name'],
          },
        },
      ]);
    });

    it('records who withdrew a member and who set the two-factor requirement', () => {
      const group = aGroup({ members: ['Member01'] });
      group.recordTwoFactorRequirementBy(aMember('Member01'), 'acc-Admin001', false);
      group.recordWithdrawalBy(aMember('Member01'), 'acc-Admin001');
      expect(eventsOf(group)).toEqual([
        {
          type: 'groups.member-two-factor-requirement-changed',
          payload: { ...change('Member01', 'acc-Admin001'), required: false },
        },
        {
          type: 'groups.member-withdrawn-by-administrator',
          payload: change('Member01', 'acc-Admin001'),
        },
      ]);
    });
  });
});
