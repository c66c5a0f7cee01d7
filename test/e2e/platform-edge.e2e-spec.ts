import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  aRegisteredAccount,
  aRegistrationBody,
  aStaffMember,
  outboxEvents,
} from '@test/support/builders/accounts';
import type { LoggedInAccount, RegisteredAccount } from '@test/support/builders/accounts';
import {
  SERVICE_HOST,
  SERVICE_ORIGIN,
  logIn,
  sessionCookieOf,
} from '@test/support/builders/authentication';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import type { Response } from 'supertest';

const PORTAL_ORIGIN = 'https://portal.example.jp';
const EVIL_ORIGIN = 'http://evil.example';

/** `depth` arrays inside each other, as raw JSON text. */
const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** `{"a":{"a":…{}}}`, `depth` objects deep, as raw JSON text (JSON.stringify itself overflows). */
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;

/** A registration body whose profile is `profile`, given as raw JSON text. */
function registrationWithProfile(profile: string): string {
  const body = JSON.stringify(aRegistrationBody('individual', { profile: '__PROFILE__' }));
  return body.replace('"__PROFILE__"', profile);
}

/** Status and code together, so that a failure shows both. */
function expectRefusal(response: Response, status: number, code: string): void {
  expect({ status: response.status, code: (response.body as { code?: string }).code }).toEqual({
    status,
    code,
  });
}

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

describe('HTTP edge: content types, login origin, hostile input, parser refusals, caching', () => {
  let t: TestApp;
  let account: RegisteredAccount;
  let staff: LoggedInAccount;

  beforeAll(async () => {
    t = await createTestApp({
      env: { CORS_ORIGINS: PORTAL_ORIGIN, LOGIN_RATE_LIMIT_PER_IP: '10000' },
    });
    account = await aRegisteredAccount(t).register();
    staff = await aStaffMember(t, 'admin').loggedIn();
  });

  afterAll(() => t.close());

  const login = (headers: Record<string, string> = {}) =>
    logIn(t, account.userId, account.password, headers);

  /** Bytes written by hand on a fresh connection; resolves with what the server answered. */
  function rawExchange(bytes: string | Buffer): Promise<RawAnswer> {
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const [head, ...rest] = text.split('\r\n\r\n');
        const [statusLine, ...headerLines] = head.split('\r\n');
        const headers = Object.fromEntries(
          headerLines.map((line) => {
            const colon = line.indexOf(':');
            return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
          }),
        );
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
      });
    });
  }

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
        expectRefusal(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
        expect(response.headers['set-cookie']).toBeUndefined();
      },
    );

    it('refuses the urlencoded form of the real credentials too', async () => {
      const response = await t
        .http()
        .post('/api/v1/auth/login')
        .type('form')
        .send({ userId: account.userId, password: account.password });
      expectRefusal(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
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
      expectRefusal(response, 403, 'CSRF_REJECTED');
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('refuses the second login step from a foreign Origin before looking at the challenge', async () => {
      const response = await t
        .http()
        .post('/api/v1/auth/login/two-factor')
        .set('Origin', EVIL_ORIGIN)
        .send({ challengeToken: 'x'.repeat(43), code: '123456' });
      expectRefusal(response, 403, 'CSRF_REJECTED');
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

  describe('nesting depth', () => {
    it.each([
      ['/api/v1/auth/login'],
      ['/api/v1/accounts'],
      ['/api/v1/recovery/password'],
      ['/api/v1/recovery/user-id/lookup-password'],
    ])('refuses 2,000 nested arrays on %s with 400 NESTING_TOO_DEEP', async (path) => {
      const response = await t
        .http()
        .post(path)
        .set('Content-Type', 'application/json')
        .send(nestedArrays(2000));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'NESTING_TOO_DEEP',
        details: { maxDepth: 32 },
      });
    });

    it('refuses objects nested 5,000 deep inside a registration profile', async () => {
      const response = await t
        .http()
        .post('/api/v1/accounts')
        .set('Content-Type', 'application/json')
        .send(registrationWithProfile(nestedObjects(5000)));
      expectRefusal(response, 400, 'NESTING_TOO_DEEP');
    });

    it('accepts nesting up to the limit (the validator then judges the content)', async () => {
      const response = await t
        .http()
        .post('/api/v1/accounts')
        .set('Content-Type', 'application/json')
        .send(registrationWithProfile(nestedObjects(31)));
      expect(response.status).toBe(400);
      expect(response.body.code).not.toBe('NESTING_TOO_DEEP');
    });
  });

  describe('NUL and lone surrogates', () => {
    it.each([
      ['a NUL', 'abc\u0000def'],
      ['a lone surrogate', '\ud800ab'],
    ])(
      'refuses a login user ID with %s as invalid input, before any database work',
      async (_what, userId) => {
        const before = (await outboxEvents(t, 'authentication.login-failed')).length;
        const response = await t
          .http()
          .post('/api/v1/auth/login')
          .send({ userId, password: 'whatever1' });
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: { fields: { userId: ['wellFormedText'] } },
        });
        expect(await outboxEvents(t, 'authentication.login-failed')).toHaveLength(before);
      },
    );

    it('refuses them in nested values and in keys', async () => {
      const inValue = await t
        .http()
        .post('/api/v1/accounts')
        .send(aRegistrationBody('individual', { profile: { name: 'a\u0000', nameKana: 'ア' } }));
      expect(inValue.status).toBe(400);
      expect(inValue.body.details.fields).toEqual({ 'profile.name': ['wellFormedText'] });
      const inKey = await t
        .http()
        .post('/api/v1/accounts')
        .send(aRegistrationBody('individual', { profile: { 'na\ud800me': 'a' } }));
      expectRefusal(inKey, 400, 'VALIDATION_FAILED');
    });

    it('refuses them in the query string', async () => {
      const response = await t.http().get('/api/v1/accounts/user-id-availability?userId=ab%00cdef');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { userId: ['wellFormedText'] } },
      });
    });

    it.each([
      ['GET', '/api/v1/admin/accounts/%00'],
      ['GET', '/api/v1/admin/accounts/ab%00cd/audit'],
      ['POST', '/api/v1/admin/accounts/%00/unlock'],
      ['POST', '/api/v1/admin/accounts/%00/renewal'],
      ['PUT', '/api/v1/admin/accounts/%00/roles/support'],
      ['POST', '/api/v1/admin/withdrawals/%00/complete'],
    ])('refuses %s %s (NUL in a path parameter) with 400', async (method, path) => {
      const response = await t
        .http()
        [method.toLowerCase() as 'get' | 'post' | 'put'](path)
        .set(staff.auth);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { path: ['wellFormedText'] } },
      });
    });
  });

  describe('every refusal in the {code, message} shape', () => {
    it('answers a malformed JSON body on /health with MALFORMED_REQUEST', async () => {
      const response = await t
        .http()
        .get('/health')
        .set('Content-Type', 'application/json')
        .send('{"a":');
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ code: 'MALFORMED_REQUEST', message: expect.any(String) });
    });

    it('answers oversized headers with 431 HEADERS_TOO_LARGE as JSON', async () => {
      const answer = await rawExchange(
        `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expect(answer.status).toBe(431);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.headers.connection).toBe('close');
      expect(JSON.parse(answer.body)).toEqual({
        code: 'HEADERS_TOO_LARGE',
        message: expect.any(String),
      });
    });

    it.each([
      [
        'both Content-Length and Transfer-Encoding',
        'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      ],
      ['a raw NUL byte in the path', 'GET /api/v1/ab\u0000cd HTTP/1.1\r\nHost: x\r\n\r\n'],
      ['a request line that is not HTTP', 'HELLO\r\n\r\n'],
    ])('answers %s with 400 MALFORMED_REQUEST as JSON', async (_what, bytes) => {
      const answer = await rawExchange(Buffer.from(bytes, 'latin1'));
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.headers.connection).toBe('close');
      expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
      expect(JSON.parse(answer.body)).toEqual({
        code: 'MALFORMED_REQUEST',
        message: expect.any(String),
      });
    });
  });

  describe('Cache-Control', () => {
    it('marks answers carrying a token, personal data or an error as no-store', async () => {
      const loggedIn = await login().expect(200);
      expect(loggedIn.headers['cache-control']).toBe('no-store');
      const auth = { Authorization: `Bearer ${loggedIn.body.sessionToken}` };
      const me = await t.http().get('/api/v1/me').set(auth).expect(200);
      expect(me.headers['cache-control']).toBe('no-store');
      const sessions = await t.http().get('/api/v1/auth/sessions').set(auth).expect(200);
      expect(sessions.headers['cache-control']).toBe('no-store');
      const twoFactor = await t.http().get('/api/v1/me/two-factor').set(auth).expect(200);
      expect(twoFactor.headers['cache-control']).toBe('no-store');
      const refused = await t.http().get('/api/v1/me').expect(401);
      expect(refused.headers['cache-control']).toBe('no-store');
      const failed = await logIn(t, account.userId, 'wrong-password1').expect(401);
      expect(failed.headers['cache-control']).toBe('no-store');
    });
  });
});
