import type { MikroORM } from '@mikro-orm/core';
import { immediateTransactions } from '../../../../../../test/support/builders/accounts-doubles';
import {
  aGroup,
  directoryOver,
  discoverGroupsModel,
  eventsOf,
  groupsHolding,
} from '../../../../../../test/support/builders/groups-doubles';
import { AppointAdministratorCommand } from './appoint-administrator.command';
import { AppointAdministratorHandler } from './appoint-administrator.handler';

describe('AppointAdministratorHandler', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await discoverGroupsModel();
  });
  afterAll(() => orm.close());

  const setUp = () => {
    const group = aGroup({ members: ['Member01'] });
    const other = aGroup({ administrators: ['Other001'], members: ['Other002'] }, 'g-2');
    const handler = new AppointAdministratorHandler(
      immediateTransactions(),
      directoryOver(groupsHolding(group, other)),
    );
    return { group, other, handler };
  };

  it('appoints a member of the caller’s group once', async () => {
    const { group, handler } = setUp();
    await handler.execute(new AppointAdministratorCommand('acc-Admin001', 'Member01'));
    await handler.execute(new AppointAdministratorCommand('acc-Admin001', 'Member01'));
    expect(eventsOf(group)).toEqual([
      {
        type: 'groups.administrator-appointed',
        payload: {
          groupId: 'g-1',
          accountId: 'acc-Member01',
          userId: 'Member01',
          byAccountId: 'acc-Admin001',
        },
      },
    ]);
  });

  it.each([
    ['another group’s member', 'Other002'],
    ['an unknown ID', 'nobody0000'],
  ])('answers MEMBER_NOT_FOUND for %s', async (_label, userId) => {
    const { group, other, handler } = setUp();
    await expect(
      handler.execute(new AppointAdministratorCommand('acc-Admin001', userId)),
    ).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' });
    expect([...eventsOf(group), ...eventsOf(other)]).toEqual([]);
  });

  it('answers NOT_GROUP_ADMINISTRATOR to a plain member', async () => {
    const { handler } = setUp();
    await expect(
      handler.execute(new AppointAdministratorCommand('acc-Member01', 'Member01')),
    ).rejects.toMatchObject({ code: 'NOT_GROUP_ADMINISTRATOR' });
  });
});
