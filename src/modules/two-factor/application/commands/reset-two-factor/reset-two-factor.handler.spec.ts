import { ACCOUNT_ID, USER_ID } from '@test/support/builders/authentication-doubles';
import {
  ADMIN_ID,
  aTwoFactorAccount,
  twoFactorWorld,
} from '@test/support/builders/two-factor-doubles';
import type { TwoFactorAccount } from '../../../domain/two-factor-account.entity';
import { ResetTwoFactorCommand } from './reset-two-factor.command';
import { ResetTwoFactorHandler } from './reset-two-factor.handler';

function reset(account?: TwoFactorAccount) {
  const world = twoFactorWorld(account);
  const handler = new ResetTwoFactorHandler(world.transactions, world.repository, world.directory);
  const run = (userId = USER_ID) => handler.execute(new ResetTwoFactorCommand(userId, ADMIN_ID));
  return { run, ...world };
}

describe('ResetTwoFactorHandler', () => {
  it('forgets the secret, lifts a lock and drops the codes and challenge', async () => {
    const account = aTwoFactorAccount().enrolled().locked().build();
    const { run, repository } = reset(account);

    await expect(run()).resolves.toEqual({ accountId: ACCOUNT_ID });

    expect(account).toMatchObject({ enrolled: false, locked: false });
    expect(account.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'two-factor.reset',
        payload: expect.objectContaining({ byAccountId: ADMIN_ID, userId: USER_ID }),
      }),
    ]);
    expect(repository.held.recoveryCodes).toEqual([]);
    expect(repository.held.challenge).toBeUndefined();
  });

  it.each([
    ['an account that never used two-factor', undefined],
    ['an account that is on but not enrolled', aTwoFactorAccount().enabled().build()],
  ])('answers TWO_FACTOR_NOT_ENROLLED for %s', async (_, account) => {
    const { run } = reset(account);

    await expect(run()).rejects.toMatchObject({ code: 'TWO_FACTOR_NOT_ENROLLED' });
  });

  it('answers ACCOUNT_NOT_FOUND for an unknown user ID', async () => {
    const { run, transactions } = reset(aTwoFactorAccount().enrolled().build());

    await expect(run('Nobody99')).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    expect(transactions.commits).toBe(0);
  });
});
