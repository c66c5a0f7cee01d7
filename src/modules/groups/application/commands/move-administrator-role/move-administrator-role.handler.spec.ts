import { immediateTransactions } from '@test/support/builders/accounts-doubles';
import {
  aGroup,
  directoryOver,
  useGroupsModel,
  eventsOf,
  groupsHolding,
} from '@test/support/builders/groups-doubles';
import { MoveAdministratorRoleCommand } from './move-administrator-role.command';
import { MoveAdministratorRoleHandler } from './move-administrator-role.handler';

const GROUP_ID = '6f1c1f43-3c4b-4d1e-9a3e-1d2f3a4b5c6d';

describe('MoveAdministratorRoleHandler', () => {
  useGroupsModel();

  const setUp = () => {
    const group = aGroup({ administrators: ['Admin001'], members: ['Member01'] }, GROUP_ID);
    const groups = groupsHolding(group);
    const handler = new MoveAdministratorRoleHandler(
      immediateTransactions(),
      groups,
      directoryOver(groups),
    );
    return { group, handler };
  };

  it('makes the member the only administrator, recorded as done by support', async () => {
    const { group, handler } = setUp();
    await handler.execute(new MoveAdministratorRoleCommand(GROUP_ID, 'Member01', 'acc-staff'));
    const change = (userId: string) => ({
      groupId: GROUP_ID,
      accountId: `acc-${userId}`,
      userId,
      byAccountId: 'acc-staff',
    });
    expect(eventsOf(group)).toEqual([
      { type: 'groups.administrator-appointed', payload: change('Member01') },
      { type: 'groups.administrator-stepped-down', payload: change('Admin001') },
    ]);
  });

  it.each(['not-a-uuid', '00000000-0000-4000-8000-000000000000'])(
    'answers GROUP_NOT_FOUND for group %s',
    async (groupId) => {
      const { handler } = setUp();
      await expect(
        handler.execute(new MoveAdministratorRoleCommand(groupId, 'Member01', 'acc-staff')),
      ).rejects.toMatchObject({ code: 'GROUP_NOT_FOUND' });
    },
  );

  it('answers MEMBER_NOT_FOUND for an ID outside the group', async () => {
    const { group, handler } = setUp();
    await expect(
      handler.execute(new MoveAdministratorRoleCommand(GROUP_ID, 'Stranger1', 'acc-staff')),
    ).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' });
    expect(eventsOf(group)).toEqual([]);
  });
});
