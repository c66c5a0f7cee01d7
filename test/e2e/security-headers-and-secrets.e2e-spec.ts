import { authenticator } from 'otplib';
import { Client } from 'pg';
import { aRegisteredAccount, aRegistrationBody } from '@test/support/builders/accounts';
import {
  cookieOf,
  logIn,
  SERVICE_HOST,
  SERVICE_ORIGIN,
  setCookieOf,
} from '@test/support/builders/authentication';
import { redisPrefix, runId } from '@test/support/environment';
import { freePort } from '@test/support/free-port';
import { exited, startNode, waitForHttpOk } from '@test/support/node-process';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp, createTestDatabase } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';
import { TOTP_OPTIONS } from '../../src/modules/two-factor/infrastructure/totp';

describe('security headers, cookie flags and the CSRF check over HTTP (COOKIE_SECURE=true)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { COOKIE_SECURE: 'true' } });
  });

  afterAll(() => t.close());

  it.each(['/api/v1/accounts/user-id-availability?userId=abcdef12', '/docs', '/health'])(
    'sends the helmet headers and no X-Powered-By on %s',
    async (path) => {
      const { headers } = await t.http().get(path);
      expect(headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
      expect(headers['content-security-policy']).toMatch(/object-src 'none'/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      expect(headers['x-powered-by']).toBeUndefined();
    },
  );

  it('sets the session cookie HttpOnly, Secure, SameSite=Lax, Path=/ and the device cookie HttpOnly, Secure, SameSite=Strict, Path=/api/v1/auth', async () => {
    const account = await aRegisteredAccount(t).register();
    const response = await logIn(t, account.userId, account.password).expect(200);
    const session = setCookieOf(response, 'session');
    const device = setCookieOf(response, 'device');
    for (const [cookie, sameSite, path] of [
      [session, 'Lax', '/'],
      [device, 'Strict', '/api/v1/auth'],
    ]) {
      const flags = cookie.split('; ').slice(1);
      expect(flags).toEqual(
        expect.arrayContaining(['HttpOnly', 'Secure', `SameSite=${sameSite}`, `Path=${path}`]),
      );
    }
  });

  it('refuses cookie-authenticated unsafe requests from other origins, and logins from them', async () => {
    const account = await aRegisteredAccount(t).register();
    const login = await logIn(t, account.userId, account.password).expect(200);
    const cookie = cookieOf(login, 'session');
    const post = (headers: Record<string, string>) =>
      t
        .http()
        .post('/api/v1/me/renewal-confirmation')
        .set({ Cookie: cookie, ...headers })
        .send({});

    const foreign: Array<Record<string, string>> = [
      {},
      { Origin: 'https://evil.example' },
      { Referer: 'https://evil.example/page' },
      { Origin: 'null' },
    ];
    for (const headers of foreign) {
      const refused = await post({ Host: SERVICE_HOST, ...headers });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('CSRF_REJECTED');
    }
    const sameOrigin = await post({ Host: SERVICE_HOST, Origin: SERVICE_ORIGIN });
    expect(sameOrigin.status).not.toBe(403);

    const foreignLogin = await logIn(t, account.userId, account.password, {
      Origin: 'https://evil.example',
    });
    expect(foreignLogin.status).toBe(403);
    expect(foreignLogin.body.code).toBe('CSRF_REJECTED');
    expect(foreignLogin.headers['set-cookie']).toBeUndefined();
  });
});

const STEP_MS = TOTP_OPTIONS.step * 1000;
const codeFor = (secret: string, offset = 0) =>
  authenticator.clone({ ...TOTP_OPTIONS, epoch: Date.now() + offset * STEP_MS }).generate(secret);

describe('no secret of a representative walk reaches the logs, the audit trail or the delivered outbox', () => {
  it('keeps passwords, temporary and lookup passwords, session tokens, device cookies and TOTP secrets out', async () => {
    const smtp = await new SmtpCapture().start();
    const databaseUrl = await createTestDatabase();
    const port = await freePort();
    const service = startNode('src/main.ts', {
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'trace',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        MIGRATIONS_RUN: 'false',
        REDIS_KEY_PREFIX: `${redisPrefix(runId())}-secrets`,
        SMTP_URL: smtp.url,
        COOKIE_SECURE: 'false',
        OUTBOX_POLL_INTERVAL_MS: '200',
      },
    });
    const db = new Client({ connectionString: databaseUrl });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForHttpOk(`${base}/health`, {
        what: 'the service',
        timeoutMs: 90_000,
        output: service.output,
      });
      const call = async (
        method: string,
        path: string,
        body?: unknown,
        headers: Record<string, string> = {},
      ) => {
        const response = await fetch(`${base}/api/v1${path}`, {
          method,
          headers: { 'Content-Type': 'application/json', ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        return {
          status: response.status,
          body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
          cookies: response.headers.getSetCookie(),
        };
      };
      const mailed = async (email: string, pattern: RegExp) => {
        const mail = await waitFor(() => smtp.to(email).find((m) => pattern.test(m.text)), {
          what: `a mail matching ${String(pattern)}`,
        });
        return pattern.exec(mail.text)?.[1] as string;
      };
      const secrets: Record<string, string> = {};

      // Registration and login, with one wrong password on the way.
      const registration = aRegistrationBody();
      const { userId, email } = registration;
      secrets.password = registration.password;
      expect((await call('POST', '/accounts', registration)).status).toBe(201);
      secrets.wrongPassword = 'Wrong2024xyz';
      expect(
        (await call('POST', '/auth/login', { userId, password: secrets.wrongPassword })).status,
      ).toBe(401);
      const login = await call('POST', '/auth/login', { userId, password: secrets.password });
      expect(login.status).toBe(200);
      secrets.sessionToken = String(login.body.sessionToken);
      secrets.deviceCookie = (login.cookies.find((c) => c.startsWith('device=')) ?? '')
        .split(';')[0]
        .slice('device='.length);
      expect(secrets.deviceCookie).not.toBe('');

      // User-ID lookup with a mailed lookup password.
      expect((await call('POST', '/recovery/user-id/lookup-password', { email })).status).toBe(202);
      secrets.lookupPassword = await mailed(
        email,
        /(?:照会用パスワード|Lookup password): ([A-Za-z0-9]+)/,
      );
      const lookup = await call('POST', '/recovery/user-id', {
        email,
        lookupPassword: secrets.lookupPassword,
      });
      expect(lookup.body.userIds).toEqual([userId]);

      // Password re-issue: the temporary password opens a restricted session that sets a new one.
      expect((await call('POST', '/recovery/password', { userId, email })).status).toBe(202);
      secrets.temporaryPassword = await mailed(
        email,
        /(?:仮パスワード|Temporary password): ([A-Za-z0-9]+)/,
      );
      const restricted = await call('POST', '/auth/login', {
        userId,
        password: secrets.temporaryPassword,
      });
      expect(restricted.body.status).toBe('password_change_required');
      secrets.restrictedToken = String(restricted.body.sessionToken);
      secrets.newPassword = `New${secrets.password}`;
      const changed = await call(
        'POST',
        '/auth/password',
        { currentPassword: secrets.temporaryPassword, newPassword: secrets.newPassword },
        { Authorization: `Bearer ${secrets.restrictedToken}` },
      );
      expect(changed.status).toBe(204);

      // Two-factor enrollment at the next login.
      const full = await call('POST', '/auth/login', { userId, password: secrets.newPassword });
      const enabled = await call(
        'PUT',
        '/me/two-factor',
        { enabled: true, password: secrets.newPassword },
        { Authorization: `Bearer ${String(full.body.sessionToken)}` },
      );
      expect(enabled.status).toBe(200);
      const enrollment = await call('POST', '/auth/login', {
        userId,
        password: secrets.newPassword,
      });
      expect(enrollment.body.status).toBe('two_factor_enrollment_required');
      secrets.totpSecret = String(enrollment.body.secret);
      const enrolled = await call('POST', '/auth/login/two-factor', {
        challengeToken: enrollment.body.challengeToken,
        code: codeFor(secrets.totpSecret),
      });
      expect(enrolled.status).toBe(200);
      secrets.challengeToken = String(enrollment.body.challengeToken);
      secrets.enrolledSessionToken = String(enrolled.body.sessionToken);
      secrets.recoveryCode = (enrolled.body.recoveryCodes as string[])[0];
      const logout = await call('POST', '/auth/logout', undefined, {
        Authorization: `Bearer ${secrets.enrolledSessionToken}`,
      });
      expect(logout.status).toBe(204);

      // Everything relayed and acknowledged by every consumer, then look.
      await db.connect();
      await waitFor(
        async () => {
          const { rows } = await db.query<{ n: string }>(
            `select count(*) as n from "platform"."outbox_message"
             where "pending_consumers" is null or cardinality("pending_consumers") > 0`,
          );
          return rows[0].n === '0';
        },
        { what: 'every outbox message delivered', timeoutMs: 30_000 },
      );
      const audit = JSON.stringify((await db.query('select * from "audit"."audit_record"')).rows);
      const outbox = JSON.stringify(
        (await db.query('select * from "platform"."outbox_message"')).rows,
      );
      expect(audit).toContain(userId);
      expect(service.output()).toContain('"url":"/api/v1/auth/login"');

      const found = Object.entries(secrets).flatMap(([name, secret]) =>
        [
          ['logs', service.output()],
          ['audit records', audit],
          ['outbox', outbox],
        ]
          .filter(([, text]) => text.includes(secret))
          .map(([where]) => `${name} in ${where}`),
      );
      expect(found).toEqual([]);
    } finally {
      service.child.kill('SIGTERM');
      await exited(service.child);
      await db.end().catch(() => undefined);
      await smtp.stop();
    }
  }, 150_000);
});
