import {
  ACCOUNT_ID,
  aDeviceCookieThrottle,
  aLoginThrottle,
  authenticationSettings,
  USER_ID,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { immediateTransactions, typesOf } from '@test/support/builders/transactions-double';
import { DeviceCookie } from '../domain/device-cookie';
import { DeviceCookieThrottle } from '../domain/device-cookie-throttle.entity';
import type { LoginThrottle } from '../domain/login-throttle.entity';
import { CredentialRepository } from '../infrastructure/credential.repository';
import { DeviceCookieThrottleRepository } from '../infrastructure/device-cookie-throttle.repository';
import { LoginThrottleRepository } from '../infrastructure/login-throttle.repository';
import { LoginAttempts } from './login-attempts';

/**
 * Each row stands for what its upsert returns and for what its locking read finds: the user ID's
 * cool-down row and, when given, the device cookie's.
 */
function loginAttemptsOn(throttle: LoginThrottle, deviceThrottle = aDeviceCookieThrottle()) {
  const em = entityManagerHolding(throttle, deviceThrottle);
  em.execute.mockResolvedValue([{}]);
  em.map.mockImplementation(((entity: unknown) =>
    entity === DeviceCookieThrottle ? deviceThrottle : throttle) as typeof em.map);
  const transactions = immediateTransactions(em);
  const attempts = new LoginAttempts(
    em,
    transactions,
    new LoginThrottleRepository(),
    new DeviceCookieThrottleRepository(),
    new CredentialRepository(),
    authenticationSettings({ attemptWaitMs: 30 }),
  );
  return { attempts, em, transactions, deviceThrottle };
}

const aDevice = () => DeviceCookie.issue(USER_ID, new Date(), 3_600_000);

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

  describe('with a device cookie of the ID (ADR 0023)', () => {
    it("counts the attempt against the device, not the ID, even during the ID's cool-down", async () => {
      const throttle = aLoginThrottle(5);
      const { attempts, em, deviceThrottle } = loginAttemptsOn(throttle);
      const device = aDevice();

      const reserved = await attempts.reserve(USER_ID, ACCOUNT_ID, device);
      await attempts.settleFailedLogin(
        em,
        { userId: USER_ID, accountId: ACCOUNT_ID, reason: 'wrong_password' },
        reserved,
      );

      expect(reserved).toEqual({ against: 'device', device });
      expect(deviceThrottle).toMatchObject({ consecutiveFailures: 1, attemptsInFlight: 0 });
      expect(throttle.peekEvents()).toEqual([]);
      expect(typesOf(deviceThrottle.peekEvents())).toEqual(['authentication.login-failed']);
    });

    it('counts a locked device cookie as anonymous', async () => {
      const throttle = aLoginThrottle();
      const { attempts, deviceThrottle } = loginAttemptsOn(throttle, aDeviceCookieThrottle(5));

      await expect(attempts.reserve(USER_ID, ACCOUNT_ID, aDevice())).resolves.toEqual({
        against: 'user_id',
      });
      expect(throttle).toMatchObject({ consecutiveFailures: 1, attemptsInFlight: 1 });
      expect(deviceThrottle.attemptsInFlight).toBe(0);
    });

    it("refuses a locked device cookie during the ID's cool-down like any client", async () => {
      const { attempts } = loginAttemptsOn(aLoginThrottle(5), aDeviceCookieThrottle(5));

      await expect(attempts.reserve(USER_ID, ACCOUNT_ID, aDevice())).rejects.toMatchObject({
        code: 'TOO_MANY_ATTEMPTS',
      });
    });

    it("clears the device's count on success and leaves the ID's alone", async () => {
      const throttle = aLoginThrottle(3);
      const device = aDevice();
      const { attempts, em, deviceThrottle } = loginAttemptsOn(
        throttle,
        aDeviceCookieThrottle(3, device.nonce),
      );

      const reserved = await attempts.reserve(USER_ID, ACCOUNT_ID, device);
      await attempts.settleSuccess(em, USER_ID, reserved);

      expect(deviceThrottle).toMatchObject({ consecutiveFailures: 0, attemptsInFlight: 0 });
      expect(em.remove).toHaveBeenCalledWith(deviceThrottle);
      expect(throttle.consecutiveFailures).toBe(3);
    });
  });
});
