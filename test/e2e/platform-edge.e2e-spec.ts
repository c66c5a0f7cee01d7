import { aRegisteredAccount } from '../support/builders/accounts';
import type { RegisteredAccount } from '../support/builders/accounts';
import {
  SERVICE_HOST,
  SERVICE_ORIGIN,
  logIn,
  sessionCookieOf,
} from '../support/builders/authentication';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const PORTAL_ORIGIN = 'https://portal.example.jp';
const EVIL_ORIGIN = 'http://evil.example';

describe('HTTP edge: content types and login origin', () => {
  let t: TestApp;
  let account: RegisteredAccount;

  beforeAll(async () => {
    t = await createTestApp({
      env: { CORS_ORIGINS: PORTAL_ORIGIN, LOGIN_RATE_LIMIT_PER_IP: '10000' },
    });
    account = await aRegisteredAccount(t).register();
  });

  afterAll(() => t.close());

  const login = (headers: Record<string, string> = {}) =>
    logIn(t, account.userId, account.password, headers);

  describe('JSON bodies only', () => {
    it.each([
      ['urlencoded', 'application/x-www-form-urlencoded', `userId=x&password=y`],
      ['multipart', 'multipart/form-data; boundary=b', '--b\r\n\r\nx\r\n--b--\r\n'],
      ['text/plain', 'text/plain', '{"userId":"x","password":"y"}'],
    ])(
      'refuses a %s login with 415 UNSUPPORTED_MEDIA_TYPE and sets no cookie',
      async (_what, type, body) => {
        const response = await t
          .http()
          .post('/api/v1/auth/login')
          .set({ 'Content-Type': type, Origin: EVIL_ORIGIN })
          .send(body);
        expect(response.status).toBe(415);
        expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
        expect(response.headers['set-cookie']).toBeUndefined();
      },
    );

    it('refuses the urlencoded form of the real credentials too', async () => {
      const response = await t
        .http()
        .post('/api/v1/auth/login')
        .type('form')
        .send({ userId: account.userId, password: account.password });
      expect(response.status).toBe(415);
      expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('accepts application/json with a charset, and requests without a body', async () => {
      const response = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json; charset=utf-8')
        .send(JSON.stringify({ userId: account.userId, password: account.password }))
        .expect(200);
      await t
        .http()
        .post('/api/v1/auth/logout')
        .set('Authorization', `Bearer ${response.body.sessionToken}`)
        .expect(204);
    });
  });

  describe('origin of session-creating requests', () => {
    it.each([
      ['a foreign Origin', { Origin: EVIL_ORIGIN }],
      ['a foreign Referer without Origin', { Referer: `${EVIL_ORIGIN}/page` }],
      ['Origin null (sandboxed page)', { Origin: 'null' }],
    ])('refuses a login from %s with 403 CSRF_REJECTED and no cookie', async (_what, headers) => {
      const response = await login(headers);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('CSRF_REJECTED');
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('refuses the second login step from a foreign Origin before looking at the challenge', async () => {
      const response = await t
        .http()
        .post('/api/v1/auth/login/two-factor')
        .set('Origin', EVIL_ORIGIN)
        .send({ challengeToken: 'x'.repeat(43), code: '123456' });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('CSRF_REJECTED');
    });

    it.each([
      ["the service's own origin", { Host: SERVICE_HOST, Origin: SERVICE_ORIGIN }],
      ['the configured portal origin', { Origin: PORTAL_ORIGIN }],
      ['a same-origin Referer', { Host: SERVICE_HOST, Referer: `${SERVICE_ORIGIN}/login` }],
      ['a server without Origin or Referer', {}],
    ])('accepts a login from %s', async (_what, headers) => {
      const response = await login(headers).expect(200);
      expect(response.body.status).toBe('authenticated');
      expect(sessionCookieOf(response)).toMatch(/^session=/);
    });
  });
});
