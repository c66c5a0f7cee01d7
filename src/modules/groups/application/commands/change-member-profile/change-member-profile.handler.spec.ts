import { CorrectMemberProfileCommand, EditProfileCommand } from '../../../../accounts/public-api';
import {
  accountsAnswering,
  aGroupsScene,
  eventsOf,
  useGroupsModel,
} from '@test/support/builders/groups-doubles';
import { ChangeMemberProfileCommand } from './change-member-profile.command';
import { ChangeMemberProfileHandler } from './change-member-profile.handler';

describe('ChangeMemberProfileHandler', () => {
  useGroupsModel();

  const setUp = () => {
    const { group, transactions, directory, commands } = aGroupsScene();
    const queries = accountsAnswering();
    const handler = new ChangeMemberProfileHandler(transactions, directory, commands, queries);
    return { group, commands, handler };
  };

  it("dispatches accounts' correction (never My Page's edit) and records the changed fields for the mail", async () => {
    const { group, commands, handler } = setUp();
    const changes = { profile: { name: '新しい 氏名', phone: null }, language: 'en' as const };
    await handler.execute(new ChangeMemberProfileCommand('acc-Admin001', 'Member01', changes));
    expect(commands.sent).toEqual([new CorrectMemberProfileCommand('acc-Member01', changes)]);
    expect(commands.sent.some((c) => c instanceof EditProfileCommand)).toBe(false);
    expect(eventsOf(group)).toEqual([
      {
        type: 'groups.member-profile-changed',
        payload: {
          groupId: 'g-1',
          accountId: 'acc-Member01',
          userId: 'Member01',
          byAccountId: 'acc-Admin001',
          changedFields: ['name', 'language'],
          email: 'Member01@example.jp',
          language: 'en',
        },
      },
    ]);
  });

  it('records nothing when nothing changes', async () => {
    const { group, handler } = setUp();
    await handler.execute(
      new ChangeMemberProfileCommand('acc-Admin001', 'Member01', {
        profile: { name: '氏名 Member01' },
        language: 'ja',
      }),
    );
    expect(eventsOf(group)).toEqual([]);
  });

  it.each([
    ['acc-Member01', 'Member01', 'NOT_GROUP_ADMINISTRATOR'],
    ['acc-Admin001', 'Stranger1', 'MEMBER_NOT_FOUND'],
    ['acc-Admin001', 'nobody0000', 'MEMBER_NOT_FOUND'],
  ])('refuses %s changing %s with %s, dispatching nothing', async (caller, userId, code) => {
    const { group, commands, handler } = setUp();
    await expect(
      handler.execute(
        new ChangeMemberProfileCommand(caller, userId, { profile: { name: '他人' } }),
      ),
    ).rejects.toMatchObject({ code });
    expect(commands.sent).toEqual([]);
    expect(eventsOf(group)).toEqual([]);
  });
});
