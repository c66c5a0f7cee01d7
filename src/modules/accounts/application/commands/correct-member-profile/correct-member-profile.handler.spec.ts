import {
  aRegisteredAccount,
  immediateTransactions,
  repositoryHolding,
} from '@test/support/builders/accounts-doubles';
import { CorrectMemberProfileCommand } from './correct-member-profile.command';
import { CorrectMemberProfileHandler } from './correct-member-profile.handler';

function setUp() {
  const account = aRegisteredAccount({
    type: 'group',
    profile: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', groupName: '品質管理研究会' },
    registeredBy: 'group_admin',
  });
  const handler = new CorrectMemberProfileHandler(
    immediateTransactions(),
    repositoryHolding(account),
  );
  const events = () => account.pullEvents().map((e) => e.type);
  return { account, handler, events };
}

describe('CorrectMemberProfileHandler', () => {
  it("corrects the member's profile and language without confirming a requested renewal", async () => {
    const { account, handler, events } = setUp();
    account.requestRenewal();
    account.pullEvents();
    await handler.execute(
      new CorrectMemberProfileCommand(account.id, {
        profile: { name: '山田 次郎' },
        language: 'en',
      }),
    );
    expect(account.profile?.name).toBe('山田 次郎');
    expect(account.renewalRequired).toBe(true);
    expect(events()).toEqual(['accounts.profile-changed']);
  });

  it('records nothing when nothing changes', async () => {
    const { account, handler, events } = setUp();
    await handler.execute(
      new CorrectMemberProfileCommand(account.id, { profile: { name: '山田 太郎' } }),
    );
    expect(events()).toEqual([]);
  });

  it('answers ACCOUNT_NOT_FOUND for an unknown account', async () => {
    const { handler } = setUp();
    await expect(
      handler.execute(new CorrectMemberProfileCommand('nobody', { profile: { name: 'x' } })),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
  });
});
