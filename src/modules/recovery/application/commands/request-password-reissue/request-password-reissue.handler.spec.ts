import {
  FindAccountForLoginQuery,
  IssueTemporaryPasswordCommand,
} from '../../../../accounts/public-api';
import { GetTwoFactorStatusQuery } from '../../../../two-factor/public-api';
import {
  ACCOUNT_ID,
  anAccountForLogin,
  USER_ID,
} from '@test/support/builders/authentication-doubles';
import {
  answeringQueryBus,
  fakeHasher,
  recordingCommandBus,
} from '@test/support/builders/platform-doubles';
import { EMAIL, recoveryRateLimits } from '@test/support/builders/recovery-doubles';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import { RequestPasswordReissueCommand } from './request-password-reissue.command';
import { RequestPasswordReissueHandler } from './request-password-reissue.handler';

function requestReissue(
  options: { known?: boolean; twoFactorLocked?: boolean; refusedFor?: number } = {},
) {
  const transactions = immediateTransactions();
  const commands = recordingCommandBus();
  const hasher = fakeHasher();
  const handler = new RequestPasswordReissueHandler(
    transactions,
    commands,
    answeringQueryBus(
      [FindAccountForLoginQuery, options.known === false ? null : anAccountForLogin()],
      [GetTwoFactorStatusQuery, { locked: options.twoFactorLocked ?? false }],
    ),
    hasher,
    recoveryRateLimits(transactions, options.refusedFor),
  );
  const run = (email = EMAIL) =>
    handler.execute(new RequestPasswordReissueCommand(USER_ID, email, '192.0.2.10'));
  return { run, transactions, commands, hasher };
}

describe('RequestPasswordReissueHandler', () => {
  it('has a temporary password issued when the user ID and address match', async () => {
    const { run, transactions, commands } = requestReissue();

    await run(' Taro@Example.JP ');

    expect(commands.sent).toEqual([
      new IssueTemporaryPasswordCommand({
        accountId: ACCOUNT_ID,
        userId: USER_ID,
        email: EMAIL,
        language: 'ja',
        reason: 'reissue',
      }),
    ]);
    expect(transactions.published).toEqual([
      expect.objectContaining({
        type: 'recovery.password-reissue-requested',
        payload: expect.objectContaining({ outcome: 'issued', accountId: ACCOUNT_ID }),
      }),
    ]);
  });

  it.each([
    ['an unknown user ID', { known: false }, EMAIL, 'unknown_user_id'],
    ['another address', {}, 'hanako@example.jp', 'email_mismatch'],
    ['a locked second factor', { twoFactorLocked: true }, EMAIL, 'two_factor_locked'],
  ])(
    'issues nothing for %s, at the same cost, recording why',
    async (_, options, email, outcome) => {
      const { run, transactions, commands, hasher } = requestReissue(options);

      await expect(run(email)).resolves.toBeUndefined();
      expect(commands.sent).toEqual([]);
      expect(hasher.hashNothing).toHaveBeenCalled();
      expect(transactions.published[0].payload).toMatchObject({ outcome });
    },
  );

  it('answers TOO_MANY_ATTEMPTS over a rate limit', async () => {
    const { run, transactions, commands } = requestReissue({ refusedFor: 60 });

    await expect(run()).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(transactions.published[0]).toMatchObject({
      type: 'recovery.rate-limited',
      payload: { flow: 'password_reissue', limits: ['client_ip', 'address', 'user_id'] },
    });
    expect(commands.sent).toEqual([]);
  });
});
