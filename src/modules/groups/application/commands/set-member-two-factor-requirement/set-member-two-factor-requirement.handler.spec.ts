import type { MikroORM } from '@mikro-orm/core';
import { RequireTwoFactorForMemberCommand } from '../../../../two-factor/public-api';
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
import { SetMemberTwoFactorRequirementCommand } from './set-member-two-factor-requirement.command';
import { SetMemberTwoFactorRequirementHandler } from './set-member-two-factor-requirement.handler';

describe('SetMemberTwoFactorRequirementHandler', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await discoverGroupsModel();
  });
  afterAll(() => orm.close());

  const setUp = () => {
    const group = aGroup({ members: ['Member01'] });
    const other = aGroup({ administrators: ['Other001'], members: ['Other002'] }, 'g-2');
    const commands = recordingCommandBus();
    const handler = new SetMemberTwoFactorRequirementHandler(
      immediateTransactions(),
      directoryOver(groupsHolding(group, other)),
      commands,
    );
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
