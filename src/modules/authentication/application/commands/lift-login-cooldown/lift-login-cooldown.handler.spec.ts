import { ACCOUNT_ID, USER_ID } from '@test/support/builders/authentication-doubles';
import { immediateTransactions, typesOf } from '@test/support/builders/transactions-double';
import { LoginThrottle } from '../../../domain/login-throttle.entity';
import type { LoginThrottleRepository } from '../../../infrastructure/login-throttle.repository';
import { LiftLoginCooldownCommand } from './lift-login-cooldown.command';
import { LiftLoginCooldownHandler } from './lift-login-cooldown.handler';

const STAFF_ID = '0190a3c4-0000-7000-8000-0000000000aa';
const POLICY = { maxConsecutiveFailures: 2, cooldownMs: 900_000, attemptLeaseMs: 60_000 };

function throttleCoolingDown(): LoginThrottle {
  const throttle = Object.assign(new LoginThrottle(), { loginKey: USER_ID.toLowerCase() });
  const attempt = { userId: USER_ID, accountId: ACCOUNT_ID, reason: 'wrong_password' as const };
  for (let i = 0; i < POLICY.maxConsecutiveFailures; i += 1) {
    throttle.reserveAttempt(new Date(), POLICY, attempt);
    throttle.refuseLogin(new Date(), POLICY, attempt);
  }
  throttle.pullEvents();
  return throttle;
}

function lift(throttle: LoginThrottle | null) {
  const repository = {
    lock: () => Promise.resolve(throttle),
  } as unknown as LoginThrottleRepository;
  return new LiftLoginCooldownHandler(immediateTransactions(), repository).execute(
    new LiftLoginCooldownCommand({ accountId: ACCOUNT_ID, userId: USER_ID }, STAFF_ID),
  );
}

describe('LiftLoginCooldownHandler', () => {
  it('lifts a running cool-down and records who lifted it', async () => {
    const throttle = throttleCoolingDown();
    expect(throttle.cooldownUntil).not.toBeNull();

    await expect(lift(throttle)).resolves.toEqual({ lifted: true });

    expect(throttle).toMatchObject({ cooldownUntil: null, consecutiveFailures: 0 });
    expect(throttle.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'authentication.login-cooldown-lifted',
        subjectAccountId: ACCOUNT_ID,
        payload: {
          accountId: ACCOUNT_ID,
          userId: USER_ID,
          byAccountId: STAFF_ID,
          clearedFailures: 2,
          wasCoolingDown: true,
        },
      }),
    ]);
  });

  it('answers lifted: false and records nothing when nothing counted', async () => {
    const throttle = throttleCoolingDown();
    await lift(throttle);
    throttle.pullEvents();

    await expect(lift(throttle)).resolves.toEqual({ lifted: false });
    await expect(lift(null)).resolves.toEqual({ lifted: false });
    expect(typesOf(throttle.pullEvents())).toEqual([]);
  });
});
