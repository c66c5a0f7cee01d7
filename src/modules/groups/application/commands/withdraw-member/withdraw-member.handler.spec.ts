import type { MikroORM } from '@mikro-orm/core';
import { WithdrawGroupMemberCommand } from '../../../../accounts/public-api';
import {
  immediateTransactions,
  recordingCommandBus,
} from '../../../../../../test/support/builders/accounts-doubles';
import {
  aGroup,
  directoryOver,
  discoverGroupsModel,
  eventsOf,
  groupsHolding,
} from '../../../../../../test/support/builders/groups-doubles';
import { WithdrawMemberCommand } from './withdraw-member.command';
import { WithdrawMemberHandler } from './withdraw-member.handler';

describe('WithdrawMemberHandler', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await discoverGroupsModel();
  });
  afterAll(() => orm.close());

  const setUp = () => {
    const group = aGroup({ members: ['Member01'] });
    const commands = recordingCommandBus();
    const handler = new WithdrawMemberHandler(
      immediateTransactions(),
      directoryOver(groupsHolding(group)),
      commands,
    );
    return { group, commands, handler };
  };

  it('records who withdrew the member and has accounts withdraw it', async () => {
    const { group, commands, handler } = setUp();
    await handler.execute(new WithdrawMemberCommand('acc-Admin001', 'Member01'));
    expect(eventsOf(group).map((e) => [e.type, e.payload.byAccountId])).toEqual([
      ['groups.member-withdrawn-by-administrator', 'acc-Admin001'],
    ]);
    expect(commands.sent).toEqual([new WithdrawGroupMemberCommand('acc-Member01')]);
  });

  it('refuses the administrator itself with CANNOT_WITHDRAW_SELF, withdrawing nobody', async () => {
    const { group, commands, handler } = setUp();
    await expect(
      handler.execute(new WithdrawMemberCommand('acc-Admin001', 'Admin001')),
    ).rejects.toMatchObject({ code: 'CANNOT_WITHDRAW_SELF' });
    expect(commands.sent).toEqual([]);
    expect(eventsOf(group)).toEqual([]);
  });
});
