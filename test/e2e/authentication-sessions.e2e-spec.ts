import { aRegisteredAccount, outboxEvents } from '@test/support/builders/accounts';
import type { RegisteredAccount } from '@test/support/builders/accounts';
import {
  SERVICE_HOST,
  SERVICE_ORIGIN,
  authSql,
  bearer,
  logIn,
  sameSiteBrowser,
  sessionCookieOf,
} from '@test/support/builders/authentication';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

const PORTAL_ORIGIN = 'https://portal.test.example';

describe('sessions, logout, CSRF and password change over HTTP (real PostgreSQL, Redis, SMTP)', () => {
  let t: TestApp;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, CORS_ORIGINS: PORTAL_ORIGIN, LOGIN_RATE_LIMIT_PER_IP: '10000' },
    });
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const sessions = (headers: Record<string, string>) =>
    t.http().get('/api/v1/auth/sessions').set(headers);
  const loggedIn = async (account: RegisteredAccount) => {
    const response = await logIn(t, account.userId, account.password).expect(200);
    return { token: response.body.sessionToken as string, cookie: sessionCookieOf(response) };
  };

  describe('logout and expiry', () => {
    it('ends the session at logout: neither the token nor the cookie works afterwards, and the cookie is cleared', async () => {
      const account = await aRegisteredAccount(t).register();
      const { token, cookie } = await loggedIn(account);
      const response = await t.http().post('/api/v1/auth/logout').set(bearer(token)).expect(204);
      expect(([] as string[]).concat(response.headers['set-cookie']).join()).toMatch(
        /session=;.*Expires=Thu, 01 Jan 1970/,
      );
      expect((await sessions(bearer(token)).expect(401)).body.code).toBe('UNAUTHENTICATED');
      await sessions({ Cookie: cookie }).expect(401);
      expect(await outboxEvents(t, 'authentication.logged-out', account.accountId)).toHaveLength(1);
    });

    it('ends a session idle for longer than the idle timeout', async () => {
      const account = await aRegisteredAccount(t).register();
      const { token } = await loggedIn(account);
      await sessions(bearer(token)).expect(200);
      await authSql(
        t,
        `update "authentication"."session" set "last_seen_at" = now() - interval '31 minutes' where "account_id" = ?`,
        [account.accountId],
      );
      await sessions(bearer(token)).expect(401);
    });

    it('ends a session at its absolute lifetime, however active', async () => {
      const account = await aRegisteredAccount(t).register();
      const { token, cookie } = await loggedIn(account);
      await authSql(
        t,
        `update "authentication"."session" set "expires_at" = now() - interval '1 second' where "account_id" = ?`,
        [account.accountId],
      );
      await sessions(bearer(token)).expect(401);
      await sessions({ Cookie: cookie }).expect(401);
    });

    it('refreshes last-seen at most once a minute, so most authenticated reads do not write', async () => {
      const account = await aRegisteredAccount(t).register();
      const { token } = await loggedIn(account);
      const lastSeen = async () =>
        (
          await authSql<{ last_seen_at: number }>(
            t,
            'select extract(epoch from "last_seen_at")::float8 as "last_seen_at" from "authentication"."session" where "account_id" = ?',
            [account.accountId],
          )
        )[0].last_seen_at;
      const before = await lastSeen();
      await sessions(bearer(token)).expect(200);
      expect(await lastSeen()).toBe(before);
      await authSql(
        t,
        `update "authentication"."session" set "last_seen_at" = now() - interval '2 minutes' where "account_id" = ?`,
        [account.accountId],
      );
      const stale = await lastSeen();
      await sessions(bearer(token)).expect(200);
      expect(await lastSeen()).toBeGreaterThan(stale);
    });

    it('refuses garbage, unknown and malformed tokens with 401 UNAUTHENTICATED', async () => {
      for (const headers of <Record<string, string>[]>[
        {},
        bearer('x'),
        bearer('A'.repeat(43)),
        { Authorization: 'Basic abc' },
        { Cookie: 'session=zzz' },
      ]) {
        expect((await sessions(headers).expect(401)).body.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('GET and DELETE /auth/sessions', () => {
    it("lists the caller's live sessions, marks the current one, and ends another on request", async () => {
      const account = await aRegisteredAccount(t).register();
      const first = await loggedIn(account);
      const second = await loggedIn(account);
      const { body } = await sessions(bearer(second.token)).expect(200);
      expect(body).toHaveLength(2);
      const current = body.find((s: { current: boolean }) => s.current);
      const other = body.find((s: { current: boolean }) => !s.current);
      expect(current).toMatchObject({
        scope: 'full',
        clientIp: expect.any(String),
        expiresAt: expect.any(String),
      });
      expect(JSON.stringify(body)).not.toContain(first.token);

      await t
        .http()
        .delete(`/api/v1/auth/sessions/${other.id}`)
        .set(bearer(second.token))
        .expect(204);
      await sessions(bearer(first.token)).expect(401);
      await sessions(bearer(second.token)).expect(200);
      expect(
        (await outboxEvents(t, 'authentication.sessions-revoked', account.accountId)).at(-1)
          ?.payload,
      ).toMatchObject({
        sessionIds: [other.id],
        reason: 'user_request',
      });
    });

    it("answers 404 for someone else's session and 400 for a malformed id", async () => {
      const [owner, stranger] = await Promise.all([
        aRegisteredAccount(t).register(),
        aRegisteredAccount(t).register(),
      ]);
      const ownerSession = await loggedIn(owner);
      const strangerSession = await loggedIn(stranger);
      const [{ id }] = (await sessions(bearer(ownerSession.token))).body;
      const response = await t
        .http()
        .delete(`/api/v1/auth/sessions/${id}`)
        .set(bearer(strangerSession.token))
        .expect(404);
      expect(response.body.code).toBe('SESSION_NOT_FOUND');
      await sessions(bearer(ownerSession.token)).expect(200);
      expect(
        (
          await t
            .http()
            .delete('/api/v1/auth/sessions/not-a-uuid')
            .set(bearer(strangerSession.token))
            .expect(400)
        ).body.code,
      ).toBe('VALIDATION_FAILED');
    });
  });

  describe('CSRF protection of cookie-authenticated changes', () => {
    it('refuses a cookie-authenticated change without an Origin or Referer, or from a foreign origin', async () => {
      const account = await aRegisteredAccount(t).register();
      const { cookie } = await loggedIn(account);
      const logout = () =>
        t.http().post('/api/v1/auth/logout').set('Host', SERVICE_HOST).set('Cookie', cookie);

      expect((await logout().expect(403)).body.code).toBe('CSRF_REJECTED');
      await logout().set('Origin', 'https://evil.example').expect(403);
      await logout().set('Referer', 'https://evil.example/page').expect(403);
      await sessions({ Cookie: cookie }).expect(200); // reads need no Origin, and nothing was ended
    });

    it("accepts the service's own origin, a configured portal origin, a same-origin Referer, and any bearer request", async () => {
      const account = await aRegisteredAccount(t).register();
      const logoutWith = async (headers: Record<string, string>) => {
        const { cookie } = await loggedIn(account);
        await t
          .http()
          .post('/api/v1/auth/logout')
          .set({ Host: SERVICE_HOST, Cookie: cookie, ...headers })
          .expect(204);
      };
      await logoutWith({ Origin: SERVICE_ORIGIN });
      await logoutWith({ Origin: PORTAL_ORIGIN });
      await logoutWith({ Referer: `${SERVICE_ORIGIN}/mypage` });
      const { token } = await loggedIn(account);
      await t.http().post('/api/v1/auth/logout').set(bearer(token)).expect(204);
    });
  });

  describe('POST /auth/password', () => {
    it('changes the password, ends the other sessions but not this one, and mails a notice', async () => {
      const account = await aRegisteredAccount(t).register();
      const other = await loggedIn(account);
      const current = await loggedIn(account);
      await t
        .http()
        .post('/api/v1/auth/password')
        .set(sameSiteBrowser(current.cookie))
        .send({ currentPassword: account.password, newPassword: 'Nw7kQp2Lx9zR' })
        .expect(204);

      await sessions(bearer(other.token)).expect(401);
      await sessions({ Cookie: current.cookie }).expect(200);
      await logIn(t, account.userId, account.password).expect(401);
      await logIn(t, account.userId, 'Nw7kQp2Lx9zR').expect(200);
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(account.email) && m.subject.includes('パスワード変更'),
      );
      expect(mail.text).toContain(account.userId);
      expect(mail.text).not.toContain('Nw7kQp2Lx9zR');
      expect(
        (await outboxEvents(t, 'authentication.sessions-revoked', account.accountId)).at(-1)
          ?.payload,
      ).toMatchObject({
        sessionIds: [expect.any(String)],
        reason: 'password_changed',
      });
    });

    it('refuses a wrong current password with 401 INVALID_CREDENTIALS and changes nothing', async () => {
      const account = await aRegisteredAccount(t).register();
      const { token } = await loggedIn(account);
      const response = await t
        .http()
        .post('/api/v1/auth/password')
        .set(bearer(token))
        .send({ currentPassword: 'Wrong12345', newPassword: 'Nw7kQp2Lx9zR' })
        .expect(401);
      expect(response.body.code).toBe('INVALID_CREDENTIALS');
      await logIn(t, account.userId, account.password).expect(200);
    });

    it.each([
      ['Sh0rt', { rule: 'length', minLength: 8, maxLength: 64 }],
      ['with space 123', { rule: 'charset' }],
      ['Ｐａｓｓ１２３４５', { rule: 'charset', hint: 'full_width' }],
      ['password1', { rule: 'common' }],
    ])(
      'refuses the new password %p with 400 PASSWORD_POLICY_VIOLATION %j',
      async (newPassword, details) => {
        const account = await aRegisteredAccount(t).register();
        const { token } = await loggedIn(account);
        const response = await t
          .http()
          .post('/api/v1/auth/password')
          .set(bearer(token))
          .send({ currentPassword: account.password, newPassword })
          .expect(400);
        expect(response.body).toMatchObject({ code: 'PASSWORD_POLICY_VIOLATION', details });
      },
    );

    it('refuses the user ID as the new password', async () => {
      const account = await aRegisteredAccount(t).register();
      const { token } = await loggedIn(account);
      const response = await t
        .http()
        .post('/api/v1/auth/password')
        .set(bearer(token))
        .send({ currentPassword: account.password, newPassword: account.userId.toUpperCase() })
        .expect(400);
      expect(response.body.details).toEqual({ rule: 'equals_user_id' });
    });
  });
});
