import { EntityManager } from '@mikro-orm/postgresql';
import { AuditRecord } from '../../src/modules/audit/domain/audit-record.entity';
import { aRegisteredAccount, aStaffMember, outboxEvents } from '@test/support/builders/accounts';
import type { RegisteredAccount } from '@test/support/builders/accounts';
import {
  authSql,
  bearer,
  countVerifications,
  logIn,
  sessionCookieOf,
  storedPasswordHash,
} from '@test/support/builders/authentication';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

const swapCase = (value: string) =>
  [...value].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');

describe('POST /auth/login: password step and its outcomes (real PostgreSQL, Redis)', () => {
  let t: TestApp;
  let account: RegisteredAccount;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_IP: '10000' } });
    account = await aRegisteredAccount(t).register();
  });

  afterAll(() => t.close());

  it('logs in with the exact ID and password: a session token in the body and an HttpOnly SameSite cookie', async () => {
    const response = await logIn(t, account.userId, account.password).expect(200);
    expect(response.body).toEqual({
      status: 'authenticated',
      sessionToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
    });
    const cookie = ([] as string[])
      .concat(response.headers['set-cookie'])
      .find((c) => c.startsWith('session='));
    expect(cookie).toContain(`session=${response.body.sessionToken}`);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/); // COOKIE_SECURE=false in tests (plain HTTP)

    await t.http().get('/api/v1/auth/sessions').set(bearer(response.body.sessionToken)).expect(200);
    await t
      .http()
      .get('/api/v1/auth/sessions')
      .set('Cookie', sessionCookieOf(response))
      .expect(200);
  });

  it('issues a new token at every login', async () => {
    const first = await logIn(t, account.userId, account.password).expect(200);
    const second = await logIn(t, account.userId, account.password).expect(200);
    expect(second.body.sessionToken).not.toBe(first.body.sessionToken);
  });

  it('stores only the SHA-256 of the token', async () => {
    const { body } = await logIn(t, account.userId, account.password).expect(200);
    const rows = await authSql(
      t,
      'select * from "authentication"."session" where "account_id" = ?',
      [account.accountId],
    );
    expect(JSON.stringify(rows)).not.toContain(body.sessionToken);
  });

  it.each([
    ['the ID in the wrong case', () => [swapCase(account.userId), account.password]],
    ['the password in the wrong case', () => [account.userId, swapCase(account.password)]],
    ['a wrong password', () => [account.userId, `${account.password}x`]],
    ['an unknown ID', () => ['nobody0000', account.password]],
  ])('refuses %s with 401 INVALID_CREDENTIALS', async (_case, input) => {
    const [userId, password] = input();
    const response = await logIn(t, userId, password).expect(401);
    expect(response.body.code).toBe('INVALID_CREDENTIALS');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('answers an unknown ID and a known ID with a wrong password identically, at the same hashing cost', async () => {
    const verifications = countVerifications(t);
    const unknown = await logIn(t, 'nobody1234', 'Wrong12345');
    const unknownCost = verifications.total();
    const known = await logIn(t, account.userId, 'Wrong12345');
    expect(verifications.total() - unknownCost).toBe(unknownCost);
    expect(unknownCost).toBe(2);
    expect(known.status).toBe(unknown.status);
    expect(known.body).toEqual(unknown.body);
    expect(known.headers['content-type']).toBe(unknown.headers['content-type']);
  });

  it("gives the FAQ's hints without naming the wrong field, in Japanese by default and in English on request", async () => {
    const ja = await logIn(t, account.userId, 'Wrong12345').expect(401);
    expect(ja.body.message).toContain('ユーザIDまたはパスワードに誤りがある可能性があります');
    expect(ja.body.message).toContain('半角英数字');
    expect(ja.body.message).toContain('大文字と小文字は区別されます');
    expect(ja.body.message).toContain('パスワード再発行');
    expect(ja.body.message).toContain('ユーザID照会');
    const en = await logIn(t, account.userId, 'Wrong12345', { 'Accept-Language': 'en' }).expect(
      401,
    );
    expect(en.body.message).toMatch(/full-width/);
    expect(en.body.message).toMatch(/upper and lower case/);
  });

  it('refuses input longer than any password before hashing, with the same answer', async () => {
    const verifications = countVerifications(t);
    const tooLong = await logIn(t, account.userId, 'a'.repeat(65)).expect(401);
    expect(verifications.total()).toBe(0);
    const wrong = await logIn(t, account.userId, 'a'.repeat(64)).expect(401);
    expect(tooLong.body).toEqual(wrong.body);
  });

  it.each([
    [{ userId: 'yamada01' }, 'password'],
    [{ password: 'Kx7mQ2pLw9' }, 'userId'],
    [{ userId: 'yamada01', password: 12345678 }, 'password'],
    [{ userId: 'yamada01', password: 'Kx7mQ2pLw9', remember: true }, 'remember'],
  ])('refuses a malformed body %j with 400 VALIDATION_FAILED naming %s', async (body, field) => {
    const response = await t.http().post('/api/v1/auth/login').send(body).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.body.details.fields)).toContain(field);
  });

  it('records each outcome with the reason, client IP and user agent, and never the password', async () => {
    const secret = 'NeverLogMe123';
    await logIn(t, account.userId, secret, {
      'User-Agent': 'jest-login',
      'X-Forwarded-For': '198.51.100.23',
    }).expect(401);
    const failed = (await outboxEvents(t, 'authentication.login-failed', account.accountId)).at(-1);
    expect(failed?.payload).toEqual({
      userId: account.userId,
      accountId: account.accountId,
      reason: 'wrong_password',
    });
    expect(failed?.metadata).toMatchObject({ clientIp: '198.51.100.23', userAgent: 'jest-login' });
    expect(JSON.stringify(failed)).not.toContain(secret);

    await logIn(t, 'nobody5678', secret).expect(401);
    const unknown = (await outboxEvents(t, 'authentication.login-failed')).at(-1);
    expect(unknown?.payload).toEqual({
      userId: 'nobody5678',
      accountId: null,
      reason: 'unknown_user_id',
    });

    const ok = await logIn(t, account.userId, account.password, {
      'User-Agent': 'jest-login',
    }).expect(200);
    const succeeded = (
      await outboxEvents(t, 'authentication.login-succeeded', account.accountId)
    ).at(-1);
    expect(succeeded?.payload).toMatchObject({
      accountId: account.accountId,
      scope: 'full',
      method: 'password',
    });
    expect(JSON.stringify(succeeded)).not.toContain(ok.body.sessionToken);

    const em = t.app.get(EntityManager);
    const audited = await waitFor(
      () => em.fork().findOne(AuditRecord, { eventId: failed!.eventId }),
      { what: 'the failed login in the audit trail' },
    );
    expect(audited).toMatchObject({
      clientIp: '198.51.100.23',
      userAgent: 'jest-login',
      type: 'authentication.login-failed',
    });
  });

  it('upgrades a hash made with older argon2 parameters at the next successful login', async () => {
    const other = await aRegisteredAccount(t).register();
    const argon2 = await import('argon2');
    const old = await argon2.hash(other.password, {
      type: argon2.argon2id,
      memoryCost: 8192,
      timeCost: 3,
      parallelism: 1,
    });
    await authSql(
      t,
      'update "authentication"."credential" set "password_hash" = ? where "account_id" = ?',
      [old, other.accountId],
    );

    await logIn(t, other.userId, 'Wrong12345').expect(401);
    expect(await storedPasswordHash(t, other.accountId)).toBe(old);

    await logIn(t, other.userId, other.password).expect(200);
    const upgraded = await storedPasswordHash(t, other.accountId);
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await outboxEvents(t, 'authentication.password-rehashed', other.accountId)).toHaveLength(
      1,
    );
    await logIn(t, other.userId, other.password).expect(200);
  });

  it('stores new passwords as argon2id with m=19456 KiB, t=2, p=1', async () => {
    expect(await storedPasswordHash(t, account.accountId)).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/,
    );
  });

  it('still logs in an account asked to renew its registration, and says so', async () => {
    const admin = await aStaffMember(t, 'support').loggedIn();
    const renewing = await aRegisteredAccount(t).register();
    await t
      .http()
      .post(`/api/v1/admin/accounts/${renewing.userId}/renewal`)
      .set(admin.auth)
      .expect((r) => {
        expect(r.status).toBeLessThan(300);
      });
    const response = await logIn(t, renewing.userId, renewing.password).expect(200);
    expect(response.body).toMatchObject({ status: 'authenticated', renewalRequired: true });
    const plain = await logIn(t, account.userId, account.password).expect(200);
    expect(plain.body.renewalRequired).toBeUndefined();
  });

  it('refuses a withdrawn account like an unknown one, and its sessions stop working', async () => {
    const leaving = await aRegisteredAccount(t).register();
    const { body: session } = await logIn(t, leaving.userId, leaving.password).expect(200);
    await t
      .http()
      .post('/api/v1/me/withdrawal')
      .set(bearer(session.sessionToken))
      .send({ password: leaving.password })
      .expect(202);
    const support = await aStaffMember(t, 'support').loggedIn();
    await t
      .http()
      .post(`/api/v1/admin/withdrawals/${leaving.userId}/complete`)
      .set(support.auth)
      .expect((r) => {
        expect(r.status).toBeLessThan(300);
      });

    await waitFor(
      async () =>
        (await t.http().get('/api/v1/auth/sessions').set(bearer(session.sessionToken))).status ===
        401,
      { what: 'the session to be revoked after the withdrawal' },
    );
    const withdrawn = await logIn(t, leaving.userId, leaving.password).expect(401);
    const unknown = await logIn(t, 'nobody9999', leaving.password).expect(401);
    expect(withdrawn.body).toEqual(unknown.body);
    // The accounts context answers for a withdrawn ID exactly as for an unknown one.
    const failed = (await outboxEvents(t, 'authentication.login-failed')).filter(
      (e) => e.payload.userId === leaving.userId,
    );
    expect(failed.at(-1)?.payload.reason).toBe('unknown_user_id');
  });

  it('asks a staff account for a second factor even though it never switched one on', async () => {
    const staff = await aStaffMember(t, 'support').register();
    const response = await logIn(t, staff.userId, staff.password).expect(200);
    expect(response.body).toMatchObject({
      status: 'two_factor_enrollment_required',
      challengeToken: expect.any(String),
      qrCodeDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
      otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\//),
      secret: expect.any(String),
    });
    expect(response.body.sessionToken).toBeUndefined();
    // No session yet; only the device cookie (ADR 0023), which the right password earned.
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    expect(cookies.map((cookie) => cookie.split('=')[0])).toEqual(['device']);
  });
});
