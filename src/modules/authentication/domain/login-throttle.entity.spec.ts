import { LoginThrottle } from './login-throttle.entity';

describe('LoginThrottle', () => {
  const policy = { maxConsecutiveFailures: 3, cooldownMs: 15 * 60_000, attemptLeaseMs: 60_000 };
  const t0 = new Date('2026-01-01T00:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const reserved = { kind: 'reserved' };
  const busy = { kind: 'busy' };
  const attempt = { userId: 'Yamada01', accountId: null };

  function failedTimes(n: number, throttle = new LoginThrottle()): LoginThrottle {
    for (let i = 0; i < n; i += 1) {
      expect(throttle.reserveAttempt(t0, policy, attempt)).toEqual(reserved);
      throttle.settleFailure(t0, policy);
    }
    return throttle;
  }

  it('counts each attempt before it is evaluated, so parallel attempts never exceed the limit', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 3; i += 1)
      expect(throttle.reserveAttempt(t0, policy, attempt)).toEqual(reserved);
    expect(throttle.consecutiveFailures).toBe(3);
    expect(throttle.reserveAttempt(t0, policy, attempt)).toEqual(busy);
    expect(throttle.cooldownUntil).toBeNull();
  });

  it('starts the cool-down when the failures that reach the limit have settled', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 3; i += 1) throttle.reserveAttempt(t0, policy, attempt);
    throttle.settleFailure(t0, policy);
    throttle.settleFailure(t0, policy);
    expect(throttle.cooldownUntil).toBeNull();
    expect(throttle.reserveAttempt(t0, policy, attempt)).toEqual(busy);
    throttle.settleFailure(at(1_000), policy);
    expect(throttle.cooldownUntil).toEqual(at(901_000));
    expect(throttle.reserveAttempt(at(61_000), policy, attempt)).toEqual({
      kind: 'refused',
      retryAfterSeconds: 840,
    });
  });

  it('refuses every attempt during the cool-down and starts afresh when it has passed', () => {
    const throttle = failedTimes(3);
    expect(throttle.reserveAttempt(at(899_500), policy, attempt)).toEqual({
      kind: 'refused',
      retryAfterSeconds: 1,
    });
    expect(throttle.reserveAttempt(at(900_000), policy, attempt)).toEqual(reserved);
    expect(throttle.consecutiveFailures).toBe(1);
    expect(throttle.cooldownUntil).toBeNull();
  });

  it('lets a waiting attempt in when a right one settles: parallel right passwords all get through', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 3; i += 1) throttle.reserveAttempt(t0, policy, attempt);
    expect(throttle.reserveAttempt(t0, policy, attempt)).toEqual(busy);
    throttle.settleSuccess();
    expect(throttle.consecutiveFailures).toBe(2);
    expect(throttle.reserveAttempt(t0, policy, attempt)).toEqual(reserved);
  });

  it('forgives the settled failures when an attempt turns out right', () => {
    const throttle = failedTimes(2);
    throttle.reserveAttempt(t0, policy, attempt);
    throttle.settleSuccess();
    expect(throttle.consecutiveFailures).toBe(0);
    expect(throttle.reserveAttempt(t0, policy, attempt)).toEqual(reserved);
    expect(throttle.consecutiveFailures).toBe(1);
  });

  it('keeps abandoned attempts counted as failures but frees their places after the lease', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 3; i += 1) throttle.reserveAttempt(t0, policy, attempt);
    expect(throttle.reserveAttempt(at(60_000), policy, attempt)).toEqual(busy);
    // Three settled failures: the cool-down starts at once.
    expect(throttle.reserveAttempt(at(60_001), policy, attempt)).toEqual({
      kind: 'refused',
      retryAfterSeconds: 900,
    });
  });

  it('starts a cool-down at once when the limit was lowered below the settled failures', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 3; i += 1) {
      throttle.reserveAttempt(t0, { ...policy, maxConsecutiveFailures: 10 }, attempt);
      throttle.settleFailure(t0, { ...policy, maxConsecutiveFailures: 10 });
    }
    expect(throttle.reserveAttempt(t0, { ...policy, maxConsecutiveFailures: 2 }, attempt)).toEqual({
      kind: 'refused',
      retryAfterSeconds: 900,
    });
  });

  it('keys the account by its ID in lower case, so case variants share one counter', () => {
    expect(LoginThrottle.keyOf('Yamada01')).toBe(LoginThrottle.keyOf('yAMADA01'));
  });

  it('records LoginThrottled for a refused attempt, and LoginFailed for a wrong one', () => {
    const throttle = failedTimes(2);
    throttle.pullEvents();
    throttle.reserveAttempt(t0, policy, attempt);
    throttle.refuseLogin(t0, policy, { ...attempt, reason: 'wrong_password' });
    throttle.reserveAttempt(t0, policy, attempt);

    expect(throttle.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'authentication.login-failed',
        payload: { ...attempt, reason: 'wrong_password' },
      }),
      expect.objectContaining({
        type: 'authentication.login-throttled',
        payload: { ...attempt, limit: 'account', retryAfterSeconds: 900 },
      }),
    ]);
  });
});
