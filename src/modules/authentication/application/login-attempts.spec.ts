import {
  ACCOUNT_ID,
  aLoginThrottle,
  authenticationSettings,
  USER_ID,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { immediateTransactions, typesOf } from '@test/support/builders/transactions-double';
import type { LoginThrottle } from '../domain/login-throttle.entity';
import { LoginThrottleRepository } from '../infrastructure/login-throttle.repository';
import { LoginAttempts } from './login-attempts';

/** The throttle row stands for what the upsert returns and for what the locking read finds. */
function loginAttemptsOn(throttle: LoginThrottle) {
  const em = entityManagerHolding(throttle);
  em.execute.mockResolvedValue([{}]);
  em.map.mockReturnValue(throttle);
  const transactions = immediateTransactions(em);
  const attempts = new LoginAttempts(
    transactions,
    new LoginThrottleRepository(),
    authenticationSettings({ attemptWaitMs: 30 }),
  );
  return { attempts, em, transactions };
}

describe('LoginAttempts', () => {
  it('reserves an attempt by counting it in flight', async () => {
    const throttle = aLoginThrottle();
    const { attempts } = loginAttemptsOn(throttle);

    await attempts.reserve(USER_ID, ACCOUNT_ID);

    expect(throttle).toMatchObject({ attemptsInFlight: 1, consecutiveFailures: 1 });
    expect(throttle.peekEvents()).toEqual([]);
  });

  it('refuses during a cool-down with TOO_MANY_ATTEMPTS after committing LoginThrottled', async () => {
    const throttle = aLoginThrottle(5);
    const { attempts, transactions } = loginAttemptsOn(throttle);

    await expect(attempts.reserve(USER_ID, ACCOUNT_ID)).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    });
    expect(transactions.commits).toBe(1);
    expect(throttle.peekEvents()).toEqual([
      expect.objectContaining({
        type: 'authentication.login-throttled',
        payload: {
          userId: USER_ID,
          accountId: ACCOUNT_ID,
          limit: 'account',
          retryAfterSeconds: 900,
        },
      }),
    ]);
    expect(transactions.published).toEqual([]);
  });

  it('waits while every remaining place is in flight, then gives up with TOO_MANY_ATTEMPTS', async () => {
    const throttle = aLoginThrottle(4);
    const { attempts } = loginAttemptsOn(throttle);
    await attempts.reserve(USER_ID, ACCOUNT_ID);

    await expect(attempts.reserve(USER_ID, ACCOUNT_ID)).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      details: { retryAfterSeconds: 1 },
    });
    expect(throttle.attemptsInFlight).toBe(1);
    expect(throttle.peekEvents()).toEqual([]);
  });

  it('starts the cool-down when the last allowed attempt settles as a failure, recording LoginFailed', async () => {
    const throttle = aLoginThrottle(4);
    const { attempts, em } = loginAttemptsOn(throttle);
    await attempts.reserve(USER_ID, ACCOUNT_ID);

    await attempts.settleFailedLogin(em, {
      userId: USER_ID,
      accountId: ACCOUNT_ID,
      reason: 'wrong_password',
    });

    expect(throttle.cooldownUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(throttle.peekEvents()).toEqual([
      expect.objectContaining({
        type: 'authentication.login-failed',
        payload: { userId: USER_ID, accountId: ACCOUNT_ID, reason: 'wrong_password' },
      }),
    ]);
  });

  it('counts a wrong current password of a password change, recording PasswordChangeRejected', async () => {
    const throttle = aLoginThrottle();
    const { attempts, em } = loginAttemptsOn(throttle);
    await attempts.reserve(USER_ID, ACCOUNT_ID);

    await attempts.settleRejectedPasswordChange(em, { userId: USER_ID, accountId: ACCOUNT_ID });

    expect(throttle).toMatchObject({ consecutiveFailures: 1, attemptsInFlight: 0 });
    expect(typesOf(throttle.peekEvents())).toEqual(['authentication.password-change-rejected']);
  });

  it('clears the count when an attempt settles as a success', async () => {
    const throttle = aLoginThrottle(3);
    const { attempts, em } = loginAttemptsOn(throttle);
    await attempts.reserve(USER_ID, ACCOUNT_ID);

    await attempts.settleSuccess(em, USER_ID);

    expect(throttle).toMatchObject({ consecutiveFailures: 0, attemptsInFlight: 0 });
  });
});
