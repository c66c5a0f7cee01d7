import {
  ACCOUNT_ID,
  aLoginThrottle,
  authenticationSettings,
  USER_ID,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import type { LoginThrottle } from '../domain/login-throttle.entity';
import { LoginAttempts } from './login-attempts';

/** The throttle row stands for what the upsert returns and for what the locking read finds. */
function loginAttemptsOn(throttle: LoginThrottle) {
  const em = entityManagerHolding(throttle);
  em.execute.mockResolvedValue([{}]);
  em.map.mockReturnValue(throttle);
  const transactions = immediateTransactions(em);
  const attempts = new LoginAttempts(transactions, authenticationSettings({ attemptWaitMs: 30 }));
  return { attempts, em, transactions };
}

describe('LoginAttempts', () => {
  it('reserves an attempt by counting it in flight', async () => {
    const throttle = aLoginThrottle();
    const { attempts, transactions } = loginAttemptsOn(throttle);

    await attempts.reserve(USER_ID, ACCOUNT_ID);

    expect(throttle).toMatchObject({ attemptsInFlight: 1, consecutiveFailures: 1 });
    expect(transactions.published).toEqual([]);
  });

  it('refuses during a cool-down with TOO_MANY_ATTEMPTS after committing LoginThrottled', async () => {
    const { attempts, transactions } = loginAttemptsOn(aLoginThrottle(5));

    await expect(attempts.reserve(USER_ID, ACCOUNT_ID)).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    });
    expect(transactions.commits).toBe(1);
    expect(transactions.published).toEqual([
      expect.objectContaining({
        type: 'authentication.login-throttled',
        payload: expect.objectContaining({ limit: 'account', retryAfterSeconds: 900 }),
      }),
    ]);
  });

  it('waits while every remaining place is in flight, then gives up with TOO_MANY_ATTEMPTS', async () => {
    const throttle = aLoginThrottle(4);
    const { attempts, transactions } = loginAttemptsOn(throttle);
    await attempts.reserve(USER_ID, ACCOUNT_ID);

    await expect(attempts.reserve(USER_ID, ACCOUNT_ID)).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      details: { retryAfterSeconds: 1 },
    });
    expect(throttle.attemptsInFlight).toBe(1);
    expect(transactions.published).toEqual([]);
  });

  it('starts the cool-down when the last allowed attempt settles as a failure', async () => {
    const throttle = aLoginThrottle(4);
    const { attempts, em } = loginAttemptsOn(throttle);
    await attempts.reserve(USER_ID, ACCOUNT_ID);

    await attempts.settleFailure(em, USER_ID);

    expect(throttle.cooldownUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it('clears the count when an attempt settles as a success', async () => {
    const throttle = aLoginThrottle(3);
    const { attempts, em } = loginAttemptsOn(throttle);
    await attempts.reserve(USER_ID, ACCOUNT_ID);

    await attempts.settleSuccess(em, USER_ID);

    expect(throttle).toMatchObject({ consecutiveFailures: 0, attemptsInFlight: 0 });
  });
});
