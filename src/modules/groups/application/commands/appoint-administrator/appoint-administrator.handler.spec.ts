import { aGroupsScene, eventsOf, useGroupsModel } from '@test/support/builders/groups-doubles';
import { AppointAdministratorCommand } from './appoint-administrator.command';
import { AppointAdministratorHandler } from './appoint-administrator.handler';

describe('AppointAdministratorHandler', () => {
  useGroupsModel();

  const setUp = () => {
    const { group, other, transactions, directory } = aGroupsScene();
    return { group, other, handler: new AppointAdministratorHandler(transactions, directory) };
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
