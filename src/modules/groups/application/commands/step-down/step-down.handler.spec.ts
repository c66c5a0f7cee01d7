import { immediateTransactions } from '@test/support/builders/accounts-doubles';
import {
  aGroup,
  directoryOver,
  useGroupsModel,
  eventsOf,
  groupsHolding,
} from '@test/support/builders/groups-doubles';
import { StepDownCommand } from './step-down.command';
import { StepDownHandler } from './step-down.handler';

function setUp(administrators: string[]) {
  const group = aGroup({ administrators, members: ['Member01'] });
  const handler = new StepDownHandler(immediateTransactions(), directoryOver(groupsHolding(group)));
  return { group, handler };
}

describe('StepDownHandler', () => {
  useGroupsModel();

  it('steps the caller down while another administrator remains, naming the caller in the event', async () => {
    const { group, handler } = setUp(['Admin001', 'Admin002']);
    await handler.execute(new StepDownCommand('acc-Admin001'));
    expect(eventsOf(group)).toEqual([
      {
        type: 'groups.administrator-stepped-down',
        payload: {
          groupId: 'g-1',
          accountId: 'acc-Admin001',
          userId: 'Admin001',
          byAccountId: 'acc-Admin001',
        },
      },
    ]);
  });

  it('refuses the last administrator with LAST_ADMINISTRATOR', async () => {
    const { group, handler } = setUp(['Admin001']);
    await expect(handler.execute(new StepDownCommand('acc-Admin001'))).rejects.toMatchObject({
      code: 'LAST_ADMINISTRATOR',
    });
    expect(eventsOf(group)).toEqual([]);
  });

  it('refuses a plain member and an account in no group with NOT_GROUP_ADMINISTRATOR', async () => {
    const { handler } = setUp(['Admin001', 'Admin002']);
    for (const caller of ['acc-Member01', 'acc-Stranger'])
      await expect(handler.execute(new StepDownCommand(caller))).rejects.toMatchObject({
        code: 'NOT_GROUP_ADMINISTRATOR',
      });
  });
});
