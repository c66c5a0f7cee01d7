import { aRegisteredAccount } from '@test/support/builders/accounts';
import { logIn } from '@test/support/builders/authentication';
import { CLOCK_ONLY } from '@test/support/fake-clock';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

const API = '/api/v1';

function retryAfterOf(res: {
  status: number;
  headers: Record<string, string>;
  body: { details?: { retryAfterSeconds?: number } };
}): number {
  expect(res.status).toBe(429);
  const header = Number(res.headers['retry-after']);
  expect(Number.isInteger(header) && header > 0).toBe(true);
  expect(header).toBe(res.body.details?.retryAfterSeconds);
  return header;
}

describe('Retry-After on every 429', () => {
  let t: TestApp;
  let throttled: TestApp;

  // The app under test starts last: passport's login strategy is registered process-wide.
  beforeAll(async () => {
    throttled = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    t = await createTestApp({
      env: {
        LOGIN_MAX_CONSECUTIVE_FAILURES: '2',
        RECOVERY_LIMIT_PER_USER_ID: '1',
        RATE_LIMIT_PER_MINUTE: '10000',
        LOGIN_RATE_LIMIT_PER_IP: '10000',
      },
    });
  });

  afterAll(async () => {
    jest.useRealTimers();
    await t.close();
    await throttled.close();
  });

  it('a login cool-down says the same seconds for a real and an unknown ID', async () => {
    const real = await aRegisteredAccount(t).register();
    const unknown = `ghost${Date.now().toString(36)}`;
    // Everything but the clock runs for real: the cool-downs of both IDs start and are read at one instant.
    jest.useFakeTimers({ ...CLOCK_ONLY, now: Date.now() });
    try {
      for (const userId of [real.userId, unknown]) {
        await logIn(t, userId, 'Wrong12345').expect(401);
        await logIn(t, userId, 'Wrong12345').expect(401);
      }
      jest.setSystemTime(Date.now() + 61_000);
      const forReal = retryAfterOf(await logIn(t, real.userId, real.password));
      const forUnknown = retryAfterOf(await logIn(t, unknown, 'Wrong12345'));
      expect(forReal).toBe(15 * 60 - 61);
      expect(forUnknown).toBe(forReal);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a recovery limit says how long, for a real and an unknown ID alike', async () => {
    const real = await aRegisteredAccount(t).register();
    const ask = (userId: string, email: string) =>
      t.http().post(`${API}/recovery/password`).send({ userId, email });
    await ask(real.userId, real.email).expect(202);
    await ask('ghost0000042', real.email).expect(202);
    const forReal = retryAfterOf(await ask(real.userId, real.email));
    const forUnknown = retryAfterOf(await ask('ghost0000042', real.email));
    // Both windows are RECOVERY_RATE_LIMIT_WINDOW_SECONDS long and were opened moments apart.
    expect(Math.abs(forReal - forUnknown)).toBeLessThanOrEqual(1);
    expect(forReal).toBeLessThanOrEqual(3600);
  });

  it('the global per-client throttle says how long too', async () => {
    const statuses: number[] = [];
    let refused;
    for (let i = 0; i < 5 && !refused; i += 1) {
      const res = await throttled
        .http()
        .get(`${API}/accounts/user-id-availability?userId=someone01`);
      statuses.push(res.status);
      if (res.status === 429) refused = res;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(refused).toBeDefined();
    expect(retryAfterOf(refused as never)).toBeLessThanOrEqual(60);
  });
});
