import { DeviceCookieThrottle } from './device-cookie-throttle.entity';

describe('DeviceCookieThrottle', () => {
  const policy = { maxConsecutiveFailures: 3, cooldownMs: 15 * 60_000, attemptLeaseMs: 60_000 };
  const t0 = new Date('2026-01-01T00:00:00Z');
  const attempt = { userId: 'Yamada01', accountId: 'account-1', reason: 'wrong_password' as const };

  function failedTimes(n: number): DeviceCookieThrottle {
    const throttle = Object.assign(new DeviceCookieThrottle(), {
      nonce: 'n',
      loginKey: 'yamada01',
    });
    for (let i = 0; i < n; i += 1) {
      expect(throttle.reserveAttempt(t0, policy)).toEqual({ kind: 'reserved' });
      throttle.refuseLogin(t0, policy, attempt);
    }
    return throttle;
  }

  it('records each wrong password and locks the cookie at the limit, recording DeviceCookieLocked once', () => {
    const throttle = failedTimes(3);
    expect(throttle.pullEvents().map((event) => event.type)).toEqual([
      'authentication.login-failed',
      'authentication.login-failed',
      'authentication.login-failed',
      'authentication.device-cookie-locked',
    ]);
    expect(throttle.reserveAttempt(t0, policy)).toEqual({ kind: 'locked' });
    expect(throttle.peekEvents()).toEqual([]);
  });

  it('lets parallel attempts wait rather than evaluate more than the limit', () => {
    const throttle = failedTimes(0);
    for (let i = 0; i < 3; i += 1) throttle.reserveAttempt(t0, policy);
    expect(throttle.reserveAttempt(t0, policy)).toEqual({ kind: 'busy' });
  });

  it('is usable again once the lockout has passed', () => {
    const throttle = failedTimes(3);
    expect(throttle.reserveAttempt(new Date(t0.getTime() + 900_000), policy)).toEqual({
      kind: 'reserved',
    });
  });
});
