import { ACCOUNT_ID, PASSWORD } from '@test/support/builders/authentication-doubles';
import { typesOf } from '@test/support/builders/transactions-double';
import {
  aTwoFactorAccount,
  twoFactorWorld,
  VALID_CODE,
  WRONG_CODE,
} from '@test/support/builders/two-factor-doubles';
import type { TwoFactorAccount } from '../../../domain/two-factor-account.entity';
import { DisableTwoFactorCommand } from './disable-two-factor.command';
import { DisableTwoFactorHandler } from './disable-two-factor.handler';

function disable(account?: TwoFactorAccount) {
  const world = twoFactorWorld(account);
  const handler = new DisableTwoFactorHandler(
    world.transactions,
    world.repository,
    world.checker,
    world.cipher,
    world.passwords,
    world.directory,
    world.clock,
  );
  const run = (options: { password?: string; code?: string; staff?: boolean } = {}) =>
    handler.execute(
      new DisableTwoFactorCommand(
        ACCOUNT_ID,
        options.password ?? PASSWORD,
        options.code,
        options.staff ?? false,
      ),
    );
  return { run, ...world };
}

describe('DisableTwoFactorHandler', () => {
  it('switches off an enrolled second factor with the password and a current code', async () => {
    const account = aTwoFactorAccount().enrolled().build();
    const { run, repository } = disable(account);

    await run({ code: VALID_CODE });

    expect(account.enabled).toBe(false);
    expect(account.enrolled).toBe(false);
    expect(typesOf(account.pullEvents())).toEqual(['two-factor.verified', 'two-factor.disabled']);
    expect(repository.held.recoveryCodes).toEqual([]);
    expect(repository.held.challenge).toBeUndefined();
  });

  it('switches off a second factor that was never enrolled without asking for a code', async () => {
    const account = aTwoFactorAccount().enabled().build();
    const { run } = disable(account);

    await run();

    expect(typesOf(account.pullEvents())).toEqual(['two-factor.disabled']);
  });

  it.each([
    ['a wrong password', 'INVALID_CREDENTIALS', { password: 'Wrong2024x', code: VALID_CODE }],
    ['no code', 'TWO_FACTOR_CODE_REQUIRED', {}],
    ['a staff account', 'TWO_FACTOR_REQUIRED_FOR_STAFF', { code: VALID_CODE, staff: true }],
  ])('refuses %s with %s and changes nothing', async (_, code, options) => {
    const account = aTwoFactorAccount().enrolled().build();
    const { run } = disable(account);

    await expect(run(options)).rejects.toMatchObject({ code });
    expect(account.enrolled).toBe(true);
    expect(account.pullEvents()).toEqual([]);
  });

  it('refuses while a group administrator requires it', async () => {
    const { run } = disable(aTwoFactorAccount().requiredByGroup().enrolled().build());

    await expect(run({ code: VALID_CODE })).rejects.toMatchObject({
      code: 'TWO_FACTOR_REQUIRED_BY_GROUP',
    });
  });

  it('commits a wrong code as a failure before answering INVALID_TWO_FACTOR_CODE', async () => {
    const account = aTwoFactorAccount().enrolled().build();
    const { run, transactions } = disable(account);

    await expect(run({ code: WRONG_CODE })).rejects.toMatchObject({
      code: 'INVALID_TWO_FACTOR_CODE',
    });
    expect(transactions.commits).toBe(1);
    expect(account.enabled).toBe(true);
    expect(typesOf(account.pullEvents())).toEqual(['two-factor.verification-failed']);
  });
});
