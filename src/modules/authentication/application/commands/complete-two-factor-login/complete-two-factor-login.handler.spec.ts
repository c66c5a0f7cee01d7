import { refuseAfterCommit } from '@app/platform';
import type { AccountForLogin } from '../../../../accounts/public-api';
import {
  CompleteTwoFactorChallengeCommand,
  AccountLockedError,
} from '../../../../two-factor/public-api';
import type { CompletedTwoFactorChallenge } from '../../../../two-factor/public-api';
import {
  ACCOUNT_ID,
  anAccountForLogin,
  aStartedSession,
  USER_ID,
} from '@test/support/builders/authentication-doubles';
import { recordingCommandBus } from '@test/support/builders/platform-doubles';
import { immediateTransactions, typesOf } from '@test/support/builders/transactions-double';
import { StartSessionCommand } from '../start-session/start-session.command';
import { CompleteTwoFactorLoginCommand } from './complete-two-factor-login.command';
import { CompleteTwoFactorLoginHandler } from './complete-two-factor-login.handler';

function completeLogin(
  completion: Partial<CompletedTwoFactorChallenge> | (() => never) = {},
  account: AccountForLogin = anAccountForLogin(),
) {
  const transactions = immediateTransactions();
  const commands = recordingCommandBus(
    [
      CompleteTwoFactorChallengeCommand,
      typeof completion === 'function'
        ? completion
        : { accountId: ACCOUNT_ID, account, afterTemporaryPassword: false, ...completion },
    ],
    [StartSessionCommand, aStartedSession()],
  );
  const handler = new CompleteTwoFactorLoginHandler(transactions, commands);
  const run = () => handler.execute(new CompleteTwoFactorLoginCommand('challenge-token', '123456'));
  return { run, transactions, commands };
}

describe('CompleteTwoFactorLoginHandler', () => {
  it('opens a full session once the code is accepted, which records LoginSucceeded', async () => {
    const { run, transactions, commands } = completeLogin();

    const outcome = await run();

    expect(outcome).toMatchObject({ status: 'authenticated', renewalRequired: false });
    expect(commands.sent).toEqual([
      new CompleteTwoFactorChallengeCommand('challenge-token', '123456'),
      new StartSessionCommand(ACCOUNT_ID, {
        scope: 'full',
        login: { method: 'password_and_two_factor', renewalRequired: false },
        userId: USER_ID,
      }),
    ]);
    expect(transactions.published).toEqual([]);
  });

  it('hands on the recovery codes of a completed enrollment', async () => {
    const { run } = completeLogin({ recoveryCodes: ['abcd-efgh'] });

    await expect(run()).resolves.toMatchObject({ recoveryCodes: ['abcd-efgh'] });
  });

  it('opens a restricted session after a temporary password', async () => {
    const { run, commands } = completeLogin({ afterTemporaryPassword: true });

    await expect(run()).resolves.toMatchObject({ status: 'password_change_required' });
    expect(commands.sent).toContainEqual(
      new StartSessionCommand(ACCOUNT_ID, {
        scope: 'password_change',
        login: { method: 'password_and_two_factor', renewalRequired: false },
        userId: USER_ID,
      }),
    );
  });

  it('refuses a withdrawn account with INVALID_CREDENTIALS after committing LoginFailed', async () => {
    const { run, transactions, commands } = completeLogin(
      {},
      anAccountForLogin({ status: 'withdrawn' }),
    );

    await expect(run()).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(transactions.commits).toBe(1);
    expect(transactions.published[0].payload).toMatchObject({ reason: 'account_withdrawn' });
    expect(typesOf(transactions.published)).toEqual(['authentication.login-failed']);
    expect(commands.sent).toHaveLength(1);
  });

  it('commits a code that locked the account before answering ACCOUNT_LOCKED, opening no session', async () => {
    const { run, transactions, commands } = completeLogin(() => {
      throw refuseAfterCommit(new AccountLockedError());
    });

    await expect(run()).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(transactions.commits).toBe(1);
    expect(transactions.published).toEqual([]);
    expect(commands.sent).toHaveLength(1);
  });
});
