import { ACCOUNT_ID } from '@test/support/builders/authentication-doubles';
import {
  ADMIN_ID,
  aTwoFactorAccount,
  twoFactorWorld,
} from '@test/support/builders/two-factor-doubles';
import type { TwoFactorAccount } from '../../../domain/two-factor-account.entity';
import { RequireTwoFactorForMemberCommand } from './require-two-factor-for-member.command';
import { RequireTwoFactorForMemberHandler } from './require-two-factor-for-member.handler';

function requireForMember(required: boolean, account?: TwoFactorAccount) {
  const world = twoFactorWorld(account);
  const handler = new RequireTwoFactorForMemberHandler(
    world.transactions,
    world.repository,
    world.directory,
  );
  const run = () =>
    handler.execute(new RequireTwoFactorForMemberCommand(ACCOUNT_ID, required, ADMIN_ID));
  return { run, ...world };
}

describe('RequireTwoFactorForMemberHandler', () => {
  it("switches two-factor on for the group's member, recording who did", async () => {
    const { run, repository } = requireForMember(true);

    await run();

    const account = repository.held.account as TwoFactorAccount;
    expect(account.requiredByGroup).toBe(true);
    expect(account.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'two-factor.enabled',
        payload: expect.objectContaining({ by: 'group_admin', byAccountId: ADMIN_ID }),
      }),
    ]);
  });

  it('lifts the requirement but leaves two-factor on', async () => {
    const account = aTwoFactorAccount().requiredByGroup().build();
    const { run } = requireForMember(false, account);

    await run();

    expect(account).toMatchObject({ requiredByGroup: false, enabled: true });
    expect(account.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'two-factor.group-requirement-lifted',
        payload: { accountId: ACCOUNT_ID, byAccountId: ADMIN_ID },
      }),
    ]);
  });

  it('lifting for a member who never used two-factor opens nothing', async () => {
    const { run, repository } = requireForMember(false);

    await run();

    expect(repository.held.account).toBeUndefined();
    expect(repository.lockOrOpen).not.toHaveBeenCalled();
  });
});
