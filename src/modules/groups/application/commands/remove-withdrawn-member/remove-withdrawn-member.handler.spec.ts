import { immediateTransactions } from '@test/support/builders/accounts-doubles';
import {
  aGroup,
  useGroupsModel,
  eventsOf,
  groupsHolding,
} from '@test/support/builders/groups-doubles';
import { RemoveWithdrawnMemberCommand } from './remove-withdrawn-member.command';
import { RemoveWithdrawnMemberHandler } from './remove-withdrawn-member.handler';

describe('RemoveWithdrawnMemberHandler', () => {
  useGroupsModel();

  it('removes the last administrator too, once, recording groups.member-left', async () => {
    const group = aGroup({ administrators: ['Admin001'], members: ['Member01'] });
    const handler = new RemoveWithdrawnMemberHandler(immediateTransactions(), groupsHolding(group));
    await handler.execute(new RemoveWithdrawnMemberCommand('acc-Admin001', 'Admin001'));
    await handler.execute(new RemoveWithdrawnMemberCommand('acc-Admin001', 'Admin001'));
    expect(group.memberships.getItems().map((m) => m.accountId)).toEqual(['acc-Member01']);
    expect(eventsOf(group)).toEqual([
      {
        type: 'groups.member-left',
        payload: { groupId: 'g-1', accountId: 'acc-Admin001', userId: 'Admin001' },
      },
    ]);
  });
});
