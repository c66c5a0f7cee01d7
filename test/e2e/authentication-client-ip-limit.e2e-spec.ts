import { aRegisteredAccount, outboxEvents } from '@test/support/builders/accounts';
import { logIn } from '@test/support/builders/authentication';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

describe('per-client-IP login limit of POST /auth/login (real Redis)', () => {
  let limited: TestApp;

  beforeAll(async () => {
    limited = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_IP: '3', COOKIE_SECURE: 'true' } });
  });

  afterAll(() => limited.close());

  it('refuses a client IP over its limit whatever the ID, records it, and leaves other clients alone', async () => {
    const user = await aRegisteredAccount(limited).register();
    const from = (ip: string) => ({ 'X-Forwarded-For': ip });
    for (const userId of ['a0000001', 'a0000002', 'a0000003']) {
      await logIn(limited, userId, 'Wrong12345', from('203.0.113.10')).expect(401);
    }
    const refused = await logIn(limited, user.userId, user.password, from('203.0.113.10')).expect(
      429,
    );
    expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
    const throttled = (await outboxEvents(limited, 'authentication.login-throttled')).at(-1);
    expect(throttled?.payload).toMatchObject({ limit: 'client_ip', userId: user.userId });
    expect(throttled?.metadata.clientIp).toBe('203.0.113.10');

    const ok = await logIn(limited, user.userId, user.password, from('203.0.113.11')).expect(200);
    const cookie = ([] as string[])
      .concat(ok.headers['set-cookie'])
      .find((c) => c.startsWith('session='));
    expect(cookie).toMatch(/; Secure/);
  });
});
