import { aRegisteredAccount } from '@test/support/builders/accounts';
import { logIn } from '@test/support/builders/authentication';
import { aWrongCode, enrollTwoFactor, TwoFactorTestClock } from '@test/support/builders/two-factor';
import { METRICS_TOKEN, scrape } from '@test/support/metrics-scrape';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

const LOGIN = '/api/v1/auth/login';

describe('metrics at /metrics (Prometheus text, behind METRICS_TOKEN)', () => {
  let t: TestApp;
  let withoutToken: TestApp;

  // Both apps live until the end (MikroORM's entity registry is shared by the apps of one process),
  // and the one under test starts last: passport's login strategy is registered process-wide.
  beforeAll(async () => {
    withoutToken = await createTestApp();
    t = await createTestApp({
      env: { METRICS_TOKEN, LOGIN_MAX_CONSECUTIVE_FAILURES: '2' },
    });
  });

  afterAll(async () => {
    await t.close();
    await withoutToken.close();
  });

  it('do not exist without METRICS_TOKEN: /metrics answers 404 whatever is sent', async () => {
    const res = await withoutToken
      .http()
      .get('/metrics')
      .set('Authorization', 'Bearer ')
      .expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('answers only the configured bearer token', async () => {
    expect((await t.http().get('/metrics').expect(401)).body.code).toBe('UNAUTHENTICATED');
    await t.http().get('/metrics').set('Authorization', 'Bearer not-the-token-at-all').expect(401);
    await scrape(t);
  });

  it('moves the login, two-factor, rate-limit, HTTP and argon2 figures', async () => {
    const user = await aRegisteredAccount(t).register();
    const guarded = await aRegisteredAccount(t).register();
    const clock = new TwoFactorTestClock(t);
    const { secret } = await enrollTwoFactor(t, clock, guarded);
    const before = await scrape(t);

    await logIn(t, user.userId, user.password).expect(200);
    await logIn(t, user.userId, 'Wrong12345').expect(401);
    const challenge = await logIn(t, guarded.userId, guarded.password).expect(200);
    expect(challenge.body.status).toBe('two_factor_required');
    await t
      .http()
      .post(`${LOGIN}/two-factor`)
      .send({ challengeToken: challenge.body.challengeToken, code: aWrongCode(clock, secret) })
      .expect(401);
    let wrong = 1;
    while ((await logIn(t, user.userId, 'Wrong12345')).status === 401) wrong += 1;

    expect(wrong).toBe(2);
    const after = await scrape(t);
    const moved = (name: string, labels: Record<string, string> = {}) =>
      after.value(name, labels) - before.value(name, labels);
    expect(moved('login_attempts_total', { outcome: 'succeeded' })).toBe(1);
    expect(moved('login_attempts_total', { outcome: 'wrong_password' })).toBe(wrong);
    expect(moved('login_attempts_total', { outcome: 'two_factor_required' })).toBe(1);
    expect(moved('login_attempts_total', { outcome: 'cool_down' })).toBe(1);
    expect(moved('two_factor_failures_total', { reason: 'wrong_code' })).toBe(1);
    expect(moved('rate_limit_refusals_total', { route: LOGIN })).toBe(1);
    expect(moved('http_requests_total', { route: LOGIN, status: '401' })).toBe(wrong);
    expect(moved('http_request_duration_seconds_count', { route: LOGIN, status: '200' })).toBe(2);
    expect(moved('argon2_duration_seconds_count', { operation: 'verify' })).toBeGreaterThanOrEqual(
      4,
    );
    expect(moved('domain_events_total', { type: 'authentication.login-succeeded' })).toBe(1);
  });

  it('reports the outbox backlog, every queue and the database pool', async () => {
    const samples = await scrape(t);
    for (const name of ['outbox_backlog_events', 'outbox_oldest_pending_age_seconds'])
      expect(samples.has(name)).toBe(true);
    for (const queue of ['audit', 'mail', 'domain-events'])
      for (const state of ['waiting', 'active', 'delayed', 'failed'])
        expect(samples.text).toContain(`queue_jobs{queue="${queue}",state="${state}"}`);
    expect(samples.text).toMatch(/^db_pool_connections\{state="used"\} \d+$/m);
    expect(samples.has('process_resident_memory_bytes')).toBe(true);
  });
});
