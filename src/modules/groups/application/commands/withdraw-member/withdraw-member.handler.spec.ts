import { WithdrawGroupMemberCommand } from '../../../../accounts/public-api';
import { aGroupsScene, eventsOf, useGroupsModel } from '@test/support/builders/groups-doubles';
import { WithdrawMemberCommand } from './withdraw-member.command';
import { WithdrawMemberHandler } from './withdraw-member.handler';

describe('WithdrawMemberHandler', () => {
  useGroupsModel();

  const setUp = () => {
    const { group, transactions, directory, commands } = aGroupsScene();
    return {
      group,
      commands,
      handler: new WithdrawMemberHandler(transactions, directory, commands),
    };
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
