import { ACCOUNT_ID, USER_ID } from '@test/support/builders/authentication-doubles';
import {
  aTwoFactorAccount,
  NOW,
  SECRET,
  twoFactorWorld,
} from '@test/support/builders/two-factor-doubles';
import type { TwoFactorAccount } from '../../../domain/two-factor-account.entity';
import { hashChallengeToken } from '../../../infrastructure/challenge-token';
import { StartTwoFactorChallengeCommand } from './start-two-factor-challenge.command';
import { StartTwoFactorChallengeHandler } from './start-two-factor-challenge.handler';

function startChallenge(account?: TwoFactorAccount, mandatory = false) {
  const world = twoFactorWorld(account);
  const handler = new StartTwoFactorChallengeHandler(
    world.transactions,
    world.repository,
    world.totp,
    world.cipher,
    world.qrCodes,
    world.settings,
    world.clock,
  );
  const run = () =>
    handler.execute(
      new StartTwoFactorChallengeCommand({
        accountId: ACCOUNT_ID,
        userId: USER_ID,
        afterTemporaryPassword: true,
        mandatory,
      }),
    );
  return { run, ...world };
}

describe('StartTwoFactorChallengeHandler', () => {
  it('issues a challenge for an enrolled account, storing only the hash of its token', async () => {
    const { run, repository } = startChallenge(aTwoFactorAccount().enrolled().build());

    const started = await run();

    expect(started).toEqual({
      challengeToken: expect.any(String),
      expiresAt: new Date(NOW.getTime() + 300_000),
    });
    expect(repository.held.challenge).toMatchObject({
      tokenHash: hashChallengeToken(started.challengeToken),
      afterTemporaryPassword: true,
      encryptedPendingSecret: null,
    });
  });

  it.each([
    ['an account that switched two-factor on', aTwoFactorAccount().enabled().build(), false],
    ['a staff account that never did', undefined, true],
  ])('shows a new secret to enroll for %s', async (_, account, mandatory) => {
    const { run, repository } = startChallenge(account, mandatory);

    const started = await run();

    expect(started.enrollment).toEqual({
      secret: SECRET,
      otpauthUri: expect.stringContaining(`secret=${SECRET}`),
      qrCodeDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
    });
    expect(repository.held.challenge?.encryptedPendingSecret).toBe(`enc:k2:${SECRET}`);
  });

  it('answers ACCOUNT_LOCKED for a locked account and stores no challenge', async () => {
    const { run, repository } = startChallenge(aTwoFactorAccount().enrolled().locked().build());

    await expect(run()).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(repository.replaceChallenge).not.toHaveBeenCalled();
  });

  it('refuses to start for an account that needs no second factor (a caller bug)', async () => {
    const { run, repository } = startChallenge();

    await expect(run()).rejects.toThrow(/needs no second factor/);
    expect(repository.replaceChallenge).not.toHaveBeenCalled();
  });
});
