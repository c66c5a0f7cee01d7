import { RequireTwoFactorForMemberCommand } from '../../../../two-factor/public-api';
import { aGroupsScene, eventsOf, useGroupsModel } from '@test/support/builders/groups-doubles';
import { SetMemberTwoFactorRequirementCommand } from './set-member-two-factor-requirement.command';
import { SetMemberTwoFactorRequirementHandler } from './set-member-two-factor-requirement.handler';

describe('SetMemberTwoFactorRequirementHandler', () => {
  useGroupsModel();

  const setUp = () => {
    const { group, transactions, directory, commands } = aGroupsScene();
    const handler = new SetMemberTwoFactorRequirementHandler(transactions, directory, commands);
    return { group, commands, handler };
  };

  it('has two-factor require it and records who decided', async () => {
    const { group, commands, handler } = setUp();
    await handler.execute(
      new SetMemberTwoFactorRequirementCommand('acc-Admin001', 'Member01', true),
    );
    expect(commands.sent).toEqual([
      new RequireTwoFactorForMemberCommand('acc-Member01', true, 'acc-Admin001'),
    ]);
    expect(eventsOf(group).map((e) => [e.type, e.payload.required])).toEqual([
      ['groups.member-two-factor-requirement-changed', true],
    ]);
  });

  it('answers MEMBER_NOT_FOUND for another group’s member, dispatching nothing', async () => {
    const { commands, handler } = setUp();
    await expect(
      handler.execute(new SetMemberTwoFactorRequirementCommand('acc-Admin001', 'Other002', true)),
    ).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' });
    expect(commands.sent).toEqual([]);
  });
});
