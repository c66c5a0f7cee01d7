import { ACCOUNT_ID, USER_ID } from '@test/support/builders/authentication-doubles';
import {
  ADMIN_ID,
  aTwoFactorAccount,
  twoFactorWorld,
} from '@test/support/builders/two-factor-doubles';
import type { TwoFactorAccount } from '../../../domain/two-factor-account.entity';
import { UnlockTwoFactorCommand } from './unlock-two-factor.command';
import { UnlockTwoFactorHandler } from './unlock-two-factor.handler';

function unlock(account?: TwoFactorAccount) {
  const world = twoFactorWorld(account);
  const handler = new UnlockTwoFactorHandler(world.transactions, world.repository, world.directory);
  return { run: () => handler.execute(new UnlockTwoFactorCommand(USER_ID, ADMIN_ID)) };
}

describe('UnlockTwoFactorHandler', () => {
  it('lifts the lock and keeps the enrollment', async () => {
    const account = aTwoFactorAccount().enrolled().locked().build();

    await expect(unlock(account).run()).resolves.toEqual({ accountId: ACCOUNT_ID });

    expect(account).toMatchObject({ locked: false, enrolled: true, consecutiveFailures: 0 });
    expect(account.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'two-factor.unlocked',
        payload: expect.objectContaining({ byAccountId: ADMIN_ID }),
      }),
    ]);
  });

  it.each([
    ['an account that is not locked', aTwoFactorAccount().enrolled().build()],
    ['an account that never used two-factor', undefined],
  ])('answers TWO_FACTOR_NOT_LOCKED for %s', async (_, account) => {
    await expect(unlock(account).run()).rejects.toMatchObject({ code: 'TWO_FACTOR_NOT_LOCKED' });
  });
});
