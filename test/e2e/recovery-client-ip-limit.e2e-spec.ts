import { aUserId, outboxEvents } from '@test/support/builders/accounts';
import { requestLookupPassword, requestPasswordReissue } from '@test/support/builders/recovery';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

describe('recovery: the per-client-IP limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '10000', RECOVERY_LIMIT_PER_IP: '3' },
    });
  });

  afterAll(() => t.close());

  it('answers 429 to a client after 3 recovery requests of any kind, and not to another client', async () => {
    const client = { 'X-Forwarded-For': '203.0.113.7' };
    await requestLookupPassword(t, `${aUserId()}@example.jp`, client).expect(202);
    await requestPasswordReissue(t, aUserId(), `${aUserId()}@example.jp`, client).expect(202);
    await t
      .http()
      .post('/api/v1/recovery/user-id')
      .set(client)
      .send({ email: `${aUserId()}@example.jp`, lookupPassword: 'Wrong2345678' })
      .expect(401);
    const refused = await requestLookupPassword(t, `${aUserId()}@example.jp`, client).expect(429);
    expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
    await requestLookupPassword(t, `${aUserId()}@example.jp`, {
      'X-Forwarded-For': '203.0.113.8',
    }).expect(202);
    const [limited] = await outboxEvents(t, 'recovery.rate-limited');
    expect(limited.payload).toMatchObject({
      flow: 'lookup_password_request',
      limits: ['client_ip'],
    });
  });
});
