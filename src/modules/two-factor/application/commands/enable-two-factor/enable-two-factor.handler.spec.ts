import { ACCOUNT_ID, PASSWORD } from '@test/support/builders/authentication-doubles';
import { aTwoFactorAccount, twoFactorWorld } from '@test/support/builders/two-factor-doubles';
import type { TwoFactorAccount } from '../../../domain/two-factor-account.entity';
import { EnableTwoFactorCommand } from './enable-two-factor.command';
import { EnableTwoFactorHandler } from './enable-two-factor.handler';

function enable(account?: TwoFactorAccount) {
  const world = twoFactorWorld(account);
  const handler = new EnableTwoFactorHandler(
    world.transactions,
    world.repository,
    world.passwords,
    world.directory,
  );
  const run = (password = PASSWORD) =>
    handler.execute(new EnableTwoFactorCommand(ACCOUNT_ID, password));
  return { run, ...world };
}

describe('EnableTwoFactorHandler', () => {
  it('switches two-factor on for the owner, opening the account on first use', async () => {
    const { run, repository } = enable();

    await run();

    const account = repository.held.account as TwoFactorAccount;
    expect(account.enabled).toBe(true);
    expect(account.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'two-factor.enabled',
        payload: expect.objectContaining({ by: 'user', byAccountId: ACCOUNT_ID }),
      }),
    ]);
  });

  it('records nothing when it is already on', async () => {
    const account = aTwoFactorAccount().enabled().build();
    const { run } = enable(account);

    await run();

    expect(account.pullEvents()).toEqual([]);
  });

  it('refuses a wrong password with INVALID_CREDENTIALS before touching the account', async () => {
    const { run, repository } = enable();

    await expect(run('Wrong2024x')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(repository.lockOrOpen).not.toHaveBeenCalled();
  });
});
