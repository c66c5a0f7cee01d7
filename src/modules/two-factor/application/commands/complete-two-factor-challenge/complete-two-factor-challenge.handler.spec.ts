import { ACCOUNT_ID, USER_ID } from '@test/support/builders/authentication-doubles';
import { typesOf } from '@test/support/builders/transactions-double';
import {
  aChallenge,
  aTwoFactorAccount,
  CHALLENGE_TOKEN,
  RECOVERY_CODE,
  twoFactorWorld,
  VALID_CODE,
  WRONG_CODE,
} from '@test/support/builders/two-factor-doubles';
import type { AccountForLogin } from '../../../../accounts/public-api';
import type { TwoFactorAccount } from '../../../domain/two-factor-account.entity';
import { CompleteTwoFactorChallengeCommand } from './complete-two-factor-challenge.command';
import { CompleteTwoFactorChallengeHandler } from './complete-two-factor-challenge.handler';

function completeChallenge(
  account: TwoFactorAccount,
  challenge = aChallenge(),
  accountForLogin?: AccountForLogin | null,
) {
  const world = twoFactorWorld(account, { challenge, accountForLogin });
  const handler = new CompleteTwoFactorChallengeHandler(
    world.transactions,
    world.repository,
    world.checker,
    world.recoveryCodes,
    world.cipher,
    world.clock,
  );
  const run = (code: string, token = CHALLENGE_TOKEN) =>
    handler.execute(new CompleteTwoFactorChallengeCommand(token, code));
  return { run, ...world };
}

describe('CompleteTwoFactorChallengeHandler', () => {
  it('accepts the current code and consumes the challenge', async () => {
    const account = aTwoFactorAccount().enrolled().build();
    const { run, repository } = completeChallenge(
      account,
      aChallenge({ afterTemporaryPassword: true }),
    );

    await expect(run(VALID_CODE)).resolves.toEqual({
      accountId: ACCOUNT_ID,
      account: expect.objectContaining({ accountId: ACCOUNT_ID, userId: USER_ID }),
      afterTemporaryPassword: true,
    });
    expect(typesOf(account.pullEvents())).toEqual(['two-factor.verified']);
    expect(repository.held.challenge).toBeUndefined();
  });

  it('commits a wrong code (it counts towards the lock) before answering INVALID_TWO_FACTOR_CODE', async () => {
    const account = aTwoFactorAccount().enrolled().build();
    const { run, transactions, repository } = completeChallenge(account);

    await expect(run(WRONG_CODE)).rejects.toMatchObject({ code: 'INVALID_TWO_FACTOR_CODE' });
    expect(transactions.commits).toBe(1);
    expect(account.consecutiveFailures).toBe(1);
    expect(typesOf(account.pullEvents())).toEqual(['two-factor.verification-failed']);
    expect(repository.held.challenge).toBeDefined();
  });

  it('locks the account at the last allowed wrong code and answers ACCOUNT_LOCKED', async () => {
    const account = aTwoFactorAccount().enrolled().build();
    const { run } = completeChallenge(account);

    await expect(run(WRONG_CODE)).rejects.toMatchObject({ code: 'INVALID_TWO_FACTOR_CODE' });
    await expect(run(WRONG_CODE)).rejects.toMatchObject({ code: 'INVALID_TWO_FACTOR_CODE' });
    await expect(run(WRONG_CODE)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(account.locked).toBe(true);
    expect(typesOf(account.pullEvents()).slice(-2)).toEqual([
      'two-factor.verification-failed',
      'two-factor.locked',
    ]);
  });

  it.each([
    ['an expired challenge', { issuedSecondsAgo: 301 }, CHALLENGE_TOKEN],
    ['an unknown token', {}, 'another-token'],
  ])('answers CHALLENGE_EXPIRED for %s', async (_, challenge, token) => {
    const account = aTwoFactorAccount().enrolled().build();
    const { run, transactions } = completeChallenge(account, aChallenge(challenge));

    await expect(run(VALID_CODE, token)).rejects.toMatchObject({ code: 'CHALLENGE_EXPIRED' });
    expect(transactions.commits).toBe(0);
    expect(account.pullEvents()).toEqual([]);
  });

  it('answers ACCOUNT_NOT_FOUND for a withdrawn account, judging and committing nothing', async () => {
    const account = aTwoFactorAccount().enrolled().build();
    const { run, transactions, repository } = completeChallenge(account, aChallenge(), null);

    await expect(run(WRONG_CODE)).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    expect(transactions.commits).toBe(0);
    expect(account.consecutiveFailures).toBe(0);
    expect(account.pullEvents()).toEqual([]);
    expect(repository.held.challenge).toBeDefined();
  });

  it('completes an enrollment with the first right code and hands out recovery codes once', async () => {
    const account = aTwoFactorAccount().enabled().build();
    const { run, repository } = completeChallenge(account, aChallenge({ enrolling: true }));

    const completed = await run(VALID_CODE);

    expect(completed.recoveryCodes).toHaveLength(10);
    expect(repository.held.recoveryCodes).toHaveLength(10);
    expect(account.enrolled).toBe(true);
    expect(typesOf(account.pullEvents())).toEqual(['two-factor.verified', 'two-factor.enrolled']);
  });

  it('accepts a recovery code instead of a TOTP code and spends it', async () => {
    const account = aTwoFactorAccount().enrolled().build();
    const { run, repository } = completeChallenge(account);

    await run(RECOVERY_CODE);

    expect(account.pullEvents()).toEqual([
      expect.objectContaining({ type: 'two-factor.verified' }),
      expect.objectContaining({
        type: 'two-factor.recovery-code-used',
        payload: expect.objectContaining({ remaining: 0 }),
      }),
    ]);
    await expect(repository.unusedRecoveryCodes({} as never, ACCOUNT_ID)).resolves.toEqual([]);
  });

  it('refuses a recovery code while enrolling', async () => {
    const account = aTwoFactorAccount().enabled().build();
    const { run } = completeChallenge(account, aChallenge({ enrolling: true }));

    await expect(run(RECOVERY_CODE)).rejects.toMatchObject({ code: 'INVALID_TWO_FACTOR_CODE' });
    expect(account.enrolled).toBe(false);
  });

  it('re-encrypts a secret stored under an older key', async () => {
    const account = aTwoFactorAccount().enrolled('k1').build();
    const { run, cipher } = completeChallenge(account);

    await run(VALID_CODE);

    expect(cipher.isCurrent(account.encryptedSecret ?? '')).toBe(true);
  });
});
