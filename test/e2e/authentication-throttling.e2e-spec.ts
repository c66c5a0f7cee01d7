import { aRegisteredAccount, outboxEvents } from '@test/support/builders/accounts';
import {
  authSql,
  countVerifications,
  logIn,
  storedPasswordHash,
} from '@test/support/builders/authentication';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

const LIMIT = 10;

async function attack(t: TestApp, userId: string, parallel: number) {
  const responses = await Promise.all(
    Array.from({ length: parallel }, (_, i) =>
      logIn(t, userId, `Wrong${String(i).padStart(5, '0')}`),
    ),
  );
  const byStatus = (status: number) => responses.filter((r) => r.status === status);
  return { responses, unauthorized: byStatus(401), throttled: byStatus(429) };
}

/** Ends a cool-down as if its 15 minutes had passed, without waiting. */
const endCooldown = (t: TestApp, userId: string) =>
  authSql(
    t,
    `update "authentication"."login_throttle" set "cooldown_until" = now() - interval '1 second' where "login_key" = ?`,
    [userId.toLowerCase()],
  );

describe('brute-force protection of POST /auth/login (real PostgreSQL, Redis)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: { LOGIN_RATE_LIMIT_PER_IP: '10000', RATE_LIMIT_PER_MINUTE: '10000' },
    });
    // One listening server for the parallel requests, rather than one ephemeral server per request.
  });

  afterAll(() => t.close());

  it(`evaluates no more than ${LIMIT} of 50 parallel wrong passwords, then refuses with 429 even the right one`, async () => {
    const victim = await aRegisteredAccount(t).register();
    const hash = await storedPasswordHash(t, victim.accountId);
    const verifications = countVerifications(t);

    const { responses, unauthorized, throttled } = await attack(t, victim.userId, 50);

    expect(unauthorized).toHaveLength(LIMIT);
    expect(throttled).toHaveLength(50 - LIMIT);
    expect(verifications.against(hash)).toBe(LIMIT);
    for (const response of unauthorized) expect(response.body.code).toBe('INVALID_CREDENTIALS');
    for (const response of throttled) {
      expect(response.body).toMatchObject({
        code: 'TOO_MANY_ATTEMPTS',
        details: { retryAfterSeconds: expect.any(Number) },
      });
    }
    expect(responses.every((r) => r.headers['set-cookie'] === undefined)).toBe(true);
    expect(await outboxEvents(t, 'authentication.login-throttled', victim.accountId)).toHaveLength(
      50 - LIMIT,
    );

    const right = await logIn(t, victim.userId, victim.password).expect(429);
    expect(right.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(verifications.against(hash)).toBe(LIMIT);

    await endCooldown(t, victim.userId);
    await logIn(t, victim.userId, victim.password).expect(200);
  });

  it('never refuses right passwords because of attempts in flight: 20 parallel ones all log in', async () => {
    const user = await aRegisteredAccount(t).register();
    const hash = await storedPasswordHash(t, user.accountId);
    const verifications = countVerifications(t);

    const responses = await Promise.all(
      Array.from({ length: 2 * LIMIT }, () => logIn(t, user.userId, user.password)),
    );

    expect(responses.map((r) => r.status)).toEqual(Array(2 * LIMIT).fill(200));
    expect(verifications.against(hash)).toBe(2 * LIMIT);
    const [throttle] = await authSql<{ consecutive_failures: number; attempts_in_flight: number }>(
      t,
      'select * from "authentication"."login_throttle" where "login_key" = ?',
      [user.userId.toLowerCase()],
    );
    expect(throttle).toMatchObject({ consecutive_failures: 0, attempts_in_flight: 0 });
  });

  it('lets the owner in while wrong passwords arrive in parallel, as long as the limit is not reached', async () => {
    const user = await aRegisteredAccount(t).register();
    const [wrong, right] = await Promise.all([
      attack(t, user.userId, LIMIT - 1),
      Promise.all(Array.from({ length: LIMIT }, () => logIn(t, user.userId, user.password))),
    ]);
    expect(wrong.throttled).toHaveLength(0);
    expect(right.map((r) => r.status)).toEqual(Array(LIMIT).fill(200));
  });

  it('treats an unknown ID exactly like a known one under the same attack', async () => {
    const victim = await aRegisteredAccount(t).register();
    const known = await attack(t, victim.userId, 30);
    const unknown = await attack(t, 'ghost0000001', 30);

    expect(unknown.unauthorized).toHaveLength(known.unauthorized.length);
    expect(unknown.throttled).toHaveLength(known.throttled.length);
    expect(unknown.unauthorized[0].body).toEqual(known.unauthorized[0].body);
    expect(unknown.throttled[0].body.code).toBe(known.throttled[0].body.code);
    expect(Object.keys(unknown.throttled[0].body.details)).toEqual(
      Object.keys(known.throttled[0].body.details),
    );
  });

  it('counts case variants of an ID as the same account', async () => {
    const victim = await aRegisteredAccount(t)
      .withUserId(`Case${Date.now().toString(36)}`)
      .register();
    for (let i = 0; i < LIMIT; i += 1) {
      const variant = i % 2 === 0 ? victim.userId.toUpperCase() : victim.userId.toLowerCase();
      await logIn(t, variant, 'Wrong12345').expect(401);
    }
    await logIn(t, victim.userId, victim.password).expect(429);
  });

  it('counts consecutive failures only: a right password starts the count again', async () => {
    const user = await aRegisteredAccount(t).register();
    for (let i = 0; i < LIMIT - 1; i += 1) await logIn(t, user.userId, 'Wrong12345').expect(401);
    await logIn(t, user.userId, user.password).expect(200);
    for (let i = 0; i < LIMIT - 1; i += 1) await logIn(t, user.userId, 'Wrong12345').expect(401);
    await logIn(t, user.userId, user.password).expect(200);
  });

  it('starts afresh once the cool-down has passed', async () => {
    const user = await aRegisteredAccount(t).register();
    await attack(t, user.userId, LIMIT);
    await logIn(t, user.userId, 'Wrong12345').expect(429);
    await endCooldown(t, user.userId);
    for (let i = 0; i < LIMIT; i += 1) await logIn(t, user.userId, 'Wrong12345').expect(401);
    await logIn(t, user.userId, 'Wrong12345').expect(429);
  });
});
