import { LoginThrottle } from './login-throttle.entity';

describe('LoginThrottle', () => {
  const policy = { maxConsecutiveFailures: 3, cooldownMs: 15 * 60_000 };
  const t0 = new Date('2026-01-01T00:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('allows attempts up to the limit, counting each one before it is evaluated', () => {
    const throttle = new LoginThrottle();
    expect(throttle.reserveAttempt(t0, policy)).toEqual({ allowed: true });
    expect(throttle.reserveAttempt(t0, policy)).toEqual({ allowed: true });
    expect(throttle.reserveAttempt(t0, policy)).toEqual({ allowed: true });
    expect(throttle.consecutiveFailures).toBe(3);
    expect(throttle.reserveAttempt(t0, policy)).toEqual({ allowed: false, retryAfterSeconds: 900 });
  });

  it('starts the cool-down with the attempt that reaches the limit, so parallel attempts are refused at once', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 3; i += 1) throttle.reserveAttempt(t0, policy);
    expect(throttle.cooldownUntil).toEqual(at(900_000));
    expect(throttle.reserveAttempt(at(60_000), policy)).toEqual({
      allowed: false,
      retryAfterSeconds: 840,
    });
  });

  it('refuses every attempt during the cool-down and starts afresh when it has passed', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 3; i += 1) throttle.reserveAttempt(t0, policy);
    expect(throttle.reserveAttempt(at(899_500), policy)).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    expect(throttle.reserveAttempt(at(900_000), policy)).toEqual({ allowed: true });
    expect(throttle.consecutiveFailures).toBe(1);
    expect(throttle.cooldownUntil).toBeNull();
  });

  it('forgives the counted attempts when one turns out right, even the one that reached the limit', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 3; i += 1) throttle.reserveAttempt(t0, policy);
    throttle.forgive();
    expect(throttle.reserveAttempt(t0, policy)).toEqual({ allowed: true });
    expect(throttle.consecutiveFailures).toBe(1);
  });

  it('starts a cool-down at once when the limit was lowered below the current count', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 3; i += 1)
      throttle.reserveAttempt(t0, { ...policy, maxConsecutiveFailures: 10 });
    expect(throttle.reserveAttempt(t0, { ...policy, maxConsecutiveFailures: 2 })).toEqual({
      allowed: false,
      retryAfterSeconds: 900,
    });
  });

  it('keys the account by its ID in lower case, so case variants share one counter', () => {
    expect(LoginThrottle.keyOf('Yamada01')).toBe(LoginThrottle.keyOf('yAMADA01'));
  });
});
