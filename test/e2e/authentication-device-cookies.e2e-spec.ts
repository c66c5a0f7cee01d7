import { aRegisteredAccount, outboxEvents } from '@test/support/builders/accounts';
import type { RegisteredAccount } from '@test/support/builders/accounts';
import {
  authSql,
  cookieOf,
  countVerifications,
  logIn,
  setCookieOf,
  storedPasswordHash,
} from '@test/support/builders/authentication';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

const LIMIT = 10;

/** `n` wrong passwords for `userId`, in parallel, each from its own client address. */
async function guesses(
  t: TestApp,
  userId: string,
  n: number,
  headers: Record<string, string> = {},
) {
  const responses = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      logIn(t, userId, `Wrong${String(i).padStart(5, '0')}`, {
        'X-Forwarded-For': `203.0.113.${i % 250}`,
        ...headers,
      }),
    ),
  );
  const byStatus = (status: number) => responses.filter((r) => r.status === status);
  return {
    unauthorized: byStatus(401),
    throttled: byStatus(429),
    others: responses.length - byStatus(401).length - byStatus(429).length,
  };
}

/** The owner's browser: it logged in once and keeps the device cookie it got. */
async function ownersDevice(t: TestApp, owner: RegisteredAccount): Promise<{ Cookie: string }> {
  const first = await logIn(t, owner.userId, owner.password, { 'X-Forwarded-For': '198.51.100.1' });
  expect(first.status).toBe(200);
  return { Cookie: cookieOf(first, 'device') };
}

/** An account whose owner's device holds its cookie, and the count of guesses evaluated from now on. */
async function anOwnerWithDevice(t: TestApp) {
  const owner = await aRegisteredAccount(t).register();
  const device = await ownersDevice(t, owner);
  const hash = await storedPasswordHash(t, owner.accountId);
  const verifications = countVerifications(t);
  return { owner, device, evaluated: () => verifications.against(hash) };
}

describe('device cookies against lockout abuse (ADR 0023; real PostgreSQL, Redis)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: { LOGIN_RATE_LIMIT_PER_IP: '10000', RATE_LIMIT_PER_MINUTE: '10000' },
    });
  });

  afterAll(() => t.close());

  it('sets the device cookie at a successful login: HttpOnly, SameSite=Strict, only for /api/v1/auth, long-lived', async () => {
    const owner = await aRegisteredAccount(t).register();
    const response = await logIn(t, owner.userId, owner.password).expect(200);
    const header = setCookieOf(response, 'device');
    expect(header).toMatch(/; Path=\/api\/v1\/auth(;|$)/);
    expect(header).toMatch(/; HttpOnly(;|$)/);
    expect(header).toMatch(/; SameSite=Strict(;|$)/);
    // This app runs with COOKIE_SECURE=false (local HTTP); the security-headers spec checks Secure.
    expect(header).not.toMatch(/; Secure(;|$)/);
    const expires = new Date(/; Expires=([^;]+)/.exec(header)?.[1] ?? '');
    expect(expires.getTime() - Date.now()).toBeGreaterThan(90 * 86_400_000);

    const refused = await logIn(t, owner.userId, 'Wrong12345');
    expect(refused.headers['set-cookie']).toBeUndefined();
  });

  it("lets the owner's device in while 100 wrong passwords from others keep the ID in cool-down; they get no more than the limit", async () => {
    const { owner, device, evaluated } = await anOwnerWithDevice(t);

    const attack = await guesses(t, owner.userId, 100);

    expect(attack.unauthorized).toHaveLength(LIMIT);
    expect(attack.throttled).toHaveLength(100 - LIMIT);
    expect(evaluated()).toBe(LIMIT);
    expect(await outboxEvents(t, 'authentication.login-failed', owner.accountId)).toHaveLength(
      LIMIT,
    );
    // A device without the cookie is refused like the attacker...
    await logIn(t, owner.userId, owner.password).expect(429);
    // ...the owner's device is not, and its success ends nobody else's cool-down.
    const owners = await logIn(t, owner.userId, owner.password, device).expect(200);
    expect(owners.body.status).toBe('authenticated');
    await logIn(t, owner.userId, owner.password).expect(429);
    expect(evaluated()).toBe(LIMIT + 1);
  });

  it('evaluates no more than the limit of 25 parallel anonymous guesses', async () => {
    const { owner, evaluated } = await anOwnerWithDevice(t);

    const attack = await guesses(t, owner.userId, 25);

    expect(attack.unauthorized).toHaveLength(LIMIT);
    expect(attack.throttled).toHaveLength(25 - LIMIT);
    expect(evaluated()).toBe(LIMIT);
  });

  it('locks a device cookie after the limit under 30 parallel guesses with it; it then counts as anonymous, so no more than twice the limit is ever evaluated', async () => {
    const { owner, device, evaluated } = await anOwnerWithDevice(t);

    const attack = await guesses(t, owner.userId, 30, device);

    expect(attack.unauthorized).toHaveLength(2 * LIMIT);
    expect(attack.throttled).toHaveLength(30 - 2 * LIMIT);
    expect(evaluated()).toBe(2 * LIMIT);
    expect(
      await outboxEvents(t, 'authentication.device-cookie-locked', owner.accountId),
    ).toHaveLength(1);
    // Locked and the ID in cool-down: even the right password waits, as for everybody.
    await logIn(t, owner.userId, owner.password, device).expect(429);
    expect(evaluated()).toBe(2 * LIMIT);
  });

  it("counts guesses with a forged or tampered cookie, or another ID's cookie, as anonymous", async () => {
    const owner = await aRegisteredAccount(t).register();
    const other = await aRegisteredAccount(t).register();
    const device = await ownersDevice(t, owner);
    const othersDevice = await ownersDevice(t, other);
    const value = device.Cookie.slice('device='.length);
    const [version, user, nonce, expiry, signature] = value.split('.');
    const flipped = signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const fakes = [
      `device=${[version, user, nonce, expiry, flipped].join('.')}`,
      `device=${[version, user, nonce, String(Number(expiry) + 1), signature].join('.')}`,
      `device=${[version, user, 'AAAAAAAAAAAAAAAAAAAAAA', expiry, signature].join('.')}`,
      othersDevice.Cookie,
      'device=v1.forged.forged.9999999999.forged',
    ];

    for (let i = 0; i < LIMIT; i += 1) {
      await logIn(t, owner.userId, 'Wrong12345', { Cookie: fakes[i % fakes.length] }).expect(401);
    }

    await logIn(t, owner.userId, owner.password, { Cookie: fakes[0] }).expect(429);
    await logIn(t, owner.userId, owner.password, device).expect(200);
    const [row] = await authSql<{ n: string }>(
      t,
      `select count(*) as n from "authentication"."device_cookie_throttle" where "login_key" = ?`,
      [owner.userId.toLowerCase()],
    );
    expect(Number(row.n)).toBe(0);
  });
});
