import { ACCOUNT_ID, PASSWORD } from '@test/support/builders/authentication-doubles';
import { typesOf } from '@test/support/builders/transactions-double';
import {
  aTwoFactorAccount,
  twoFactorWorld,
  VALID_CODE,
  WRONG_CODE,
} from '@test/support/builders/two-factor-doubles';
import type { TwoFactorAccount } from '../../../domain/two-factor-account.entity';
import { RegenerateRecoveryCodesCommand } from './regenerate-recovery-codes.command';
import { RegenerateRecoveryCodesHandler } from './regenerate-recovery-codes.handler';

function regenerate(account: TwoFactorAccount) {
  const world = twoFactorWorld(account);
  const handler = new RegenerateRecoveryCodesHandler(
    world.transactions,
    world.repository,
    world.checker,
    world.recoveryCodes,
    world.cipher,
    world.passwords,
    world.directory,
    world.clock,
  );
  const run = (code: string) =>
    handler.execute(new RegenerateRecoveryCodesCommand(ACCOUNT_ID, PASSWORD, code));
  return { run, ...world };
}

describe('RegenerateRecoveryCodesHandler', () => {
  it('replaces the recovery codes after a current code and records how many', async () => {
    const account = aTwoFactorAccount().enrolled().build();
    const { run, repository } = regenerate(account);

    const codes = await run(VALID_CODE);

    expect(codes).toHaveLength(10);
    expect(repository.held.recoveryCodes).toHaveLength(10);
    expect(account.pullEvents()).toEqual([
      expect.objectContaining({ type: 'two-factor.verified' }),
      expect.objectContaining({
        type: 'two-factor.recovery-codes-regenerated',
        payload: { accountId: ACCOUNT_ID, count: 10 },
      }),
    ]);
  });

  it('answers TWO_FACTOR_NOT_ENROLLED for an account without a secret', async () => {
    const { run, repository } = regenerate(aTwoFactorAccount().enabled().build());

    await expect(run(VALID_CODE)).rejects.toMatchObject({ code: 'TWO_FACTOR_NOT_ENROLLED' });
    expect(repository.replaceRecoveryCodes).not.toHaveBeenCalled();
  });

  it('commits a wrong code as a failure and keeps the old codes', async () => {
    const account = aTwoFactorAccount().enrolled().build();
    const { run, transactions, repository } = regenerate(account);

    await expect(run(WRONG_CODE)).rejects.toMatchObject({ code: 'INVALID_TWO_FACTOR_CODE' });
    expect(transactions.commits).toBe(1);
    expect(typesOf(account.pullEvents())).toEqual(['two-factor.verification-failed']);
    expect(repository.replaceRecoveryCodes).not.toHaveBeenCalled();
  });
});
