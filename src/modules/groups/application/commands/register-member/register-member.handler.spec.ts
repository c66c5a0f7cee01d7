import { RegisterAccountWithAssignedIdCommand } from '../../../../accounts/public-api';
import { aGroupsScene, eventsOf, useGroupsModel } from '@test/support/builders/groups-doubles';
import { RegisterMemberCommand } from './register-member.command';
import { RegisterMemberHandler } from './register-member.handler';

describe('RegisterMemberHandler', () => {
  useGroupsModel();

  const member = {
    email: 'new@example.jp',
    profile: { name: '田中 一郎', nameKana: 'タナカ イチロウ' },
  };
  const setUp = () => {
    const { group, transactions, directory, commands } = aGroupsScene();
    jest.mocked(commands.execute).mockImplementation((command) => {
      commands.sent.push(command);
      return Promise.resolve({ accountId: 'acc-New00001', userId: 'New00001' });
    });
    const handler = new RegisterMemberHandler(transactions, directory, commands);
    return { group, sent: commands.sent, handler };
  };

  it("registers the account into the caller's group and adds it as a plain member", async () => {
    const { group, sent, handler } = setUp();
    await expect(
      handler.execute(new RegisterMemberCommand('acc-Admin001', member)),
    ).resolves.toEqual({ accountId: 'acc-New00001', userId: 'New00001' });
    expect(sent).toEqual([
      new RegisterAccountWithAssignedIdCommand({
        type: 'group',
        email: member.email,
        language: undefined,
        userId: undefined,
        profile: { ...member.profile, groupName: '品質管理研究会' },
        registeredBy: 'group_admin',
        groupId: 'g-1',
      }),
    ]);
    expect(
      group.memberships.getItems().find((m) => m.accountId === 'acc-New00001')?.isAdministrator,
    ).toBe(false);
    expect(eventsOf(group).map((e) => e.type)).toEqual(['groups.member-registered']);
  });

  it('refuses a plain member with NOT_GROUP_ADMINISTRATOR before any account is registered', async () => {
    const { sent, handler } = setUp();
    await expect(
      handler.execute(new RegisterMemberCommand('acc-Member01', member)),
    ).rejects.toMatchObject({ code: 'NOT_GROUP_ADMINISTRATOR' });
    expect(sent).toEqual([]);
  });
});
