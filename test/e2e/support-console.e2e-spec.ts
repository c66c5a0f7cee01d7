import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import {
  aRegisteredAccount,
  aStaffMember,
  aUserId,
  requestWithdrawal,
} from '@test/support/builders/accounts';
import {
  TwoFactorTestClock,
  enrollTwoFactor,
  lockTwoFactor,
} from '@test/support/builders/two-factor';
import type { LoggedInAccount, RegisteredAccount } from '@test/support/builders/accounts';
import { logIn } from '@test/support/builders/authentication';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

interface AuditItem {
  type: string;
  actorAccountId: string | null;
  staffReason: string | null;
  supportRequestId: string | null;
  occurredAt: string;
}
interface RequestSummary {
  id: string;
  email: string;
  verified: boolean;
  linkedUserId: string | null;
  status: string;
  receivedAt: string;
}

describe('support console API (real PostgreSQL, Redis, SMTP)', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let support: LoggedInAccount;
  let otherSupport: LoggedInAccount;
  let customer: LoggedInAccount;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
        RATE_LIMIT_PER_MINUTE: '10000',
        LOGIN_RATE_LIMIT_PER_IP: '10000',
        LOGIN_MAX_CONSECUTIVE_FAILURES: '2',
        SUPPORT_CONTACT_LIMIT_PER_ADDRESS: '3',
        SUPPORT_CONTACT_LIMIT_PER_IP: '10000',
        MAIL_MAX_ATTEMPTS: '1',
      },
    });
    support = await aStaffMember(t, 'support').loggedIn();
    otherSupport = await aStaffMember(t, 'support').loggedIn();
    customer = await aRegisteredAccount(t).loggedIn();
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const contact = (body: object, headers: Record<string, string> = {}) =>
    t.http().post('/api/v1/support/contact').set(headers).send(body);
  const aContactForm = (overrides: object = {}) => ({
    category: 'two_factor_locked',
    email: `${aUserId('c')}@example.jp`,
    message: '認証コードを何度も間違えてロックされました。解除をお願いします。',
    ...overrides,
  });
  const inbox = async (status = 'open'): Promise<RequestSummary[]> =>
    (
      await t
        .http()
        .get('/api/v1/admin/support/requests')
        .query({ status, pageSize: 100 })
        .set(support.auth)
        .expect(200)
    ).body.items as RequestSummary[];
  const requestFrom = async (email: string): Promise<RequestSummary> => {
    const found = (await inbox()).find((r) => r.email === email);
    if (!found) throw new Error(`no open request from ${email}`);
    return found;
  };
  const auditOf = async (userId: string, query: Record<string, string> = {}) =>
    (
      await t
        .http()
        .get(`/api/v1/admin/accounts/${userId}/audit`)
        .query(query)
        .set(support.auth)
        .expect(200)
    ).body.items as AuditItem[];

  it('documents the new endpoints and codes in the OpenAPI document', async () => {
    const document = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, unknown>;
      'x-error-codes': Array<{ code: string; status: number }>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/support/contact',
        '/api/v1/admin/support/requests',
        '/api/v1/admin/support/requests/{id}',
        '/api/v1/admin/support/requests/{id}/take',
        '/api/v1/admin/support/requests/{id}/reply',
        '/api/v1/admin/support/requests/{id}/close',
        '/api/v1/admin/support/accounts',
        '/api/v1/admin/support/accounts/{userId}',
        '/api/v1/admin/support/failed-mails',
        '/api/v1/admin/support/failed-mails/{jobId}/retry',
        '/api/v1/admin/accounts/{userId}/login-cooldown/lift',
        '/api/v1/admin/accounts/{userId}/sessions/end',
        '/api/v1/admin/accounts/{userId}/password-reissue',
      ]),
    );
    const statuses = Object.fromEntries(document['x-error-codes'].map((e) => [e.code, e.status]));
    expect(statuses).toMatchObject({
      SUPPORT_REQUEST_NOT_FOUND: 404,
      SUPPORT_REQUEST_CLOSED: 409,
      SUPPORT_REQUEST_TAKEN: 409,
      FAILED_MAIL_NOT_FOUND: 404,
    });
  });

  describe('only staff', () => {
    const id = '0190a3c4-0000-7000-8000-0000000000ff';
    const endpoints: Array<[string, string]> = [
      ['get', '/api/v1/admin/support/requests'],
      ['get', `/api/v1/admin/support/requests/${id}`],
      ['post', `/api/v1/admin/support/requests/${id}/take`],
      ['post', `/api/v1/admin/support/requests/${id}/reply`],
      ['post', `/api/v1/admin/support/requests/${id}/close`],
      ['get', '/api/v1/admin/support/accounts'],
      ['get', '/api/v1/admin/support/accounts/someone01'],
      ['get', '/api/v1/admin/support/failed-mails'],
      ['post', '/api/v1/admin/support/failed-mails/1/retry'],
      ['post', '/api/v1/admin/accounts/someone01/login-cooldown/lift'],
      ['post', '/api/v1/admin/accounts/someone01/sessions/end'],
      ['post', '/api/v1/admin/accounts/someone01/password-reissue'],
    ];
    it.each(endpoints)(
      '%s %s answers 401 without a session and 403 FORBIDDEN for a customer',
      async (method, path) => {
        const call = (auth: Record<string, string>) =>
          method === 'post'
            ? t.http().post(path).set(auth).send({ reason: 'x', reply: 'x' })
            : t.http().get(path).set(auth);
        expect((await call({}).expect(401)).body.code).toBe('UNAUTHENTICATED');
        expect((await call(customer.auth).expect(403)).body.code).toBe('FORBIDDEN');
      },
    );
  });

  describe('POST /support/contact', () => {
    const comparable = (response: Response) => {
      const headers = { ...response.headers } as Record<string, string>;
      delete headers.date;
      delete headers['x-request-id'];
      // The per-client request budget counts this client's requests, whatever they name.
      delete headers['x-ratelimit-remaining-per-client'];
      return { status: response.status, body: response.body as unknown, headers };
    };

    it('answers a real ID with its address, a real ID with another address and an unknown ID alike', async () => {
      const account = await aRegisteredAccount(t).withLanguage('en').register();
      const forms = [
        aContactForm({ userId: account.userId, email: account.email.toUpperCase() }),
        aContactForm({ userId: account.userId }),
        aContactForm({ userId: aUserId('nobody') }),
      ];
      const answers = [];
      for (const form of forms) answers.push(comparable(await contact(form)));

      expect(answers[0]).toEqual(answers[1]);
      expect(answers[1]).toEqual(answers[2]);
      expect(answers[0]).toMatchObject({ status: 202, body: { status: 'accepted' } });

      const linked = await requestFrom(forms[0].email);
      expect(linked).toMatchObject({ verified: true, linkedUserId: account.userId });
      for (const form of forms.slice(1))
        expect(await requestFrom(form.email)).toMatchObject({
          verified: false,
          linkedUserId: null,
        });

      const receipt = await smtp.waitForMail(
        (m) =>
          m.to.some((to) => to.toLowerCase() === account.email.toLowerCase()) &&
          m.subject.includes('We received your enquiry'),
        'the English receipt',
      );
      expect(receipt.text).toMatch(/Request number: S-[2-9A-Z]{10}/);
      expect(receipt.text).not.toContain('ロックされました');
      const strangerReceipt = await smtp.waitForMail(
        (m) => m.to.includes(forms[2].email),
        'the receipt to an unknown ID',
      );
      expect(strangerReceipt.subject).toBe('【研修ポータル】お問い合わせを受け付けました');
    });

    it.each([
      ['no e-mail', { email: undefined }],
      ['an unknown category', { category: 'refund' }],
      ['an empty message', { message: '' }],
      ['an unknown field', { phone: '0312345678' }],
    ])('refuses %s with 400 VALIDATION_FAILED in Japanese or English', async (_what, change) => {
      const ja = await contact(aContactForm(change)).expect(400);
      expect(ja.body.code).toBe('VALIDATION_FAILED');
      const en = await contact(aContactForm(change), { 'Accept-Language': 'en' }).expect(400);
      expect(en.body.code).toBe('VALIDATION_FAILED');
      expect(en.body.message).not.toBe(ja.body.message);
    });

    it('limits messages per address, answering 429 TOO_MANY_ATTEMPTS with Retry-After', async () => {
      const form = aContactForm();
      for (let i = 0; i < 3; i += 1) await contact(form).expect(202);
      const refused = await contact(form).expect(429);
      expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('the inbox', () => {
    it('takes, then replies once to 20 parallel replies, mailing one reply in the customer language', async () => {
      const account = await aRegisteredAccount(t).withLanguage('en').register();
      const form = aContactForm({ userId: account.userId, email: account.email });
      await contact(form).expect(202);
      const { id } = await requestFrom(form.email);

      const taken = await t
        .http()
        .post(`/api/v1/admin/support/requests/${id}/take`)
        .set(support.auth)
        .expect(200);
      expect(taken.body).toMatchObject({
        status: 'in_progress',
        assigneeAccountId: support.accountId,
      });
      const stolen = await t
        .http()
        .post(`/api/v1/admin/support/requests/${id}/take`)
        .set(otherSupport.auth)
        .expect(409);
      expect(stolen.body.code).toBe('SUPPORT_REQUEST_TAKEN');
      expect((await inbox('in_progress')).map((r) => r.id)).toContain(id);

      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t
            .http()
            .post(`/api/v1/admin/support/requests/${id}/reply`)
            .set(i % 2 ? otherSupport.auth : support.auth)
            .send({ reply: `The lock is lifted (${i}).` }),
        ),
      );
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses).toEqual([200, ...Array(19).fill(409)]);
      expect(replies.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
        Array(19).fill('SUPPORT_REQUEST_CLOSED'),
      );

      const mail = await smtp.waitForMail(
        (m) => m.to.includes(form.email) && m.subject.includes('Reply to your enquiry'),
        'the reply',
      );
      expect(mail.text).toMatch(/The lock is lifted \(\d+\)\./);
      const detail = await t
        .http()
        .get(`/api/v1/admin/support/requests/${id}`)
        .set(support.auth)
        .expect(200);
      expect(detail.body).toMatchObject({
        status: 'closed',
        reply: expect.stringContaining('lifted') as string,
      });
      expect((await inbox('closed')).map((r) => r.id)).toContain(id);
      expect(smtp.to(form.email).filter((m) => m.subject.includes('Reply'))).toHaveLength(1);
    });

    it('lists open requests oldest first with their age, and closes one without a reply', async () => {
      const forms = [aContactForm(), aContactForm({ category: 'other' })];
      for (const form of forms) await contact(form).expect(202);
      const open = await inbox();
      const received = open.map((r) => r.receivedAt);
      expect(received).toEqual([...received].sort());
      const { id } = await requestFrom(forms[1].email);
      const closed = await t
        .http()
        .post(`/api/v1/admin/support/requests/${id}/close`)
        .set(support.auth)
        .expect(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        reply: null,
        closedByAccountId: support.accountId,
      });
      const again = await t
        .http()
        .post(`/api/v1/admin/support/requests/${id}/close`)
        .set(support.auth)
        .set('Accept-Language', 'en')
        .expect(409);
      expect(again.body).toMatchObject({
        code: 'SUPPORT_REQUEST_CLOSED',
        message: 'This support request has already been closed.',
      });
    });

    it('answers bad input and unknown requests with a code', async () => {
      const unknown = '0190a3c4-0000-7000-8000-0000000000ff';
      const missing = await t
        .http()
        .get(`/api/v1/admin/support/requests/${unknown}`)
        .set(support.auth)
        .expect(404);
      expect(missing.body.code).toBe('SUPPORT_REQUEST_NOT_FOUND');
      const malformed = await t
        .http()
        .get('/api/v1/admin/support/requests/not-a-uuid')
        .set(support.auth)
        .expect(400);
      expect(malformed.body.code).toBe('VALIDATION_FAILED');
      const badStatus = await t
        .http()
        .get('/api/v1/admin/support/requests')
        .query({ status: 'done' })
        .set(support.auth)
        .expect(400);
      expect(badStatus.body.code).toBe('VALIDATION_FAILED');
      const form = aContactForm();
      await contact(form).expect(202);
      const { id } = await requestFrom(form.email);
      const noReply = await t
        .http()
        .post(`/api/v1/admin/support/requests/${id}/reply`)
        .set(support.auth)
        .send({})
        .expect(400);
      expect(noReply.body.code).toBe('VALIDATION_FAILED');
      const tooLong = await t
        .http()
        .post(`/api/v1/admin/support/requests/${id}/reply`)
        .set(support.auth)
        .send({ reply: 'x'.repeat(8001) })
        .expect(400);
      expect(tooLong.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('staff actions with a reason', () => {
    let account: RegisteredAccount;
    let requestId: string;

    beforeAll(async () => {
      account = await aRegisteredAccount(t).register();
      const form = aContactForm({
        category: 'cannot_log_in',
        userId: account.userId,
        email: account.email,
      });
      await contact(form).expect(202);
      requestId = (await requestFrom(form.email)).id;
    });

    it('lifts the password cool-down, ends the sessions, re-issues the password and asks for renewal, each audited with staff and reason', async () => {
      for (let i = 0; i < 2; i += 1) await logIn(t, account.userId, 'Wrong0000x').expect(401);
      expect((await logIn(t, account.userId, account.password).expect(429)).body.code).toBe(
        'TOO_MANY_ATTEMPTS',
      );
      const before = await t
        .http()
        .get('/api/v1/admin/support/accounts')
        .query({ q: account.userId })
        .set(support.auth)
        .expect(200);
      expect(before.body.items[0].badges).toMatchObject({
        passwordCooldown: true,
        twoFactorLocked: false,
      });

      const act = (path: string, reason: string) =>
        t
          .http()
          .post(`/api/v1/admin/accounts/${account.userId}/${path}`)
          .set(support.auth)
          .send({ reason, supportRequestId: requestId });

      expect(
        (await act('login-cooldown/lift', 'パスワードロック解除の依頼').expect(200)).body,
      ).toEqual({ userId: account.userId, lifted: true });
      expect((await logIn(t, account.userId, account.password).expect(200)).body.status).toBe(
        'authenticated',
      );
      expect((await act('sessions/end', '端末紛失の連絡').expect(200)).body).toMatchObject({
        userId: account.userId,
        ended: 1,
      });
      const reissued = await act('password-reissue', '仮パスワード再送の依頼').expect(200);
      expect(reissued.body).toEqual({
        userId: account.userId,
        expiresAt: expect.any(String) as string,
      });
      expect(JSON.stringify(reissued.body)).not.toMatch(/password/i);
      await act('renewal', '登録内容の確認').expect(200);

      const expected = [
        ['authentication.login-cooldown-lifted', 'パスワードロック解除の依頼'],
        ['authentication.sessions-revoked', '端末紛失の連絡'],
        ['authentication.temporary-password-issued', '仮パスワード再送の依頼'],
        ['accounts.renewal-requested', '登録内容の確認'],
      ];
      const trail = await waitFor(
        async () => {
          const items = await auditOf(account.userId);
          return expected.every(([type]) => items.some((e) => e.type === type)) && items;
        },
        { what: 'the four staff actions in the audit trail' },
      );
      for (const [type, reason] of expected)
        expect(trail.find((e) => e.type === type)).toMatchObject({
          actorAccountId: support.accountId,
          staffReason: reason,
          supportRequestId: requestId,
        });

      const detail = await t
        .http()
        .get(`/api/v1/admin/support/requests/${requestId}`)
        .set(support.auth)
        .expect(200);
      expect((detail.body.actions as AuditItem[]).map((a) => a.type)).toEqual(
        expected.map(([type]) => type),
      );

      const onlyLogins = await auditOf(account.userId, { types: 'authentication.login-succeeded' });
      expect(onlyLogins.length).toBeGreaterThan(0);
      expect(new Set(onlyLogins.map((e) => e.type))).toEqual(
        new Set(['authentication.login-succeeded']),
      );
      const future = await auditOf(account.userId, {
        from: new Date(Date.now() + 3_600_000).toISOString(),
      });
      expect(future).toEqual([]);
      const past = await auditOf(account.userId, { to: '2000-01-01T00:00:00Z' });
      expect(past).toEqual([]);
    });

    it('requires a reason on the new actions, and keeps the old ones working without a body', async () => {
      for (const path of ['login-cooldown/lift', 'sessions/end', 'password-reissue']) {
        const refused = await t
          .http()
          .post(`/api/v1/admin/accounts/${account.userId}/${path}`)
          .set(support.auth)
          .expect(400);
        expect(refused.body.code).toBe('VALIDATION_FAILED');
      }
      const tooLong = await t
        .http()
        .post(`/api/v1/admin/accounts/${account.userId}/sessions/end`)
        .set(support.auth)
        .send({ reason: 'x'.repeat(501) })
        .expect(400);
      expect(tooLong.body.code).toBe('VALIDATION_FAILED');
      await t
        .http()
        .post(`/api/v1/admin/accounts/${account.userId}/renewal`)
        .set(support.auth)
        .expect(200);
      const reset = await t
        .http()
        .post(`/api/v1/admin/accounts/${account.userId}/two-factor/reset`)
        .set(support.auth)
        .send({ reason: '機種変更' });
      expect(reset.body.code).not.toBe('VALIDATION_FAILED');
      const unknown = await t
        .http()
        .post('/api/v1/admin/accounts/nobody9999/sessions/end')
        .set(support.auth)
        .send({ reason: 'x' })
        .expect(404);
      expect(unknown.body.code).toBe('ACCOUNT_NOT_FOUND');
      const badAudit = await t
        .http()
        .get(`/api/v1/admin/accounts/${account.userId}/audit`)
        .query({ from: 'yesterday' })
        .set(support.auth)
        .expect(400);
      expect(badAudit.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('the existing actions with a reason', () => {
    afterAll(() => jest.restoreAllMocks());

    it('audits an unlock, a two-factor reset and a withdrawal completion with staff and reason', async () => {
      const clock = new TwoFactorTestClock(t);
      const customer = await aRegisteredAccount(t).loggedIn();
      const enrolled = await enrollTwoFactor(t, clock, customer);
      await lockTwoFactor(t, clock, customer, enrolled.secret);
      const act = (path: string, reason: string) =>
        t.http().post(path).set(support.auth).send({ reason });

      await act(`/api/v1/admin/accounts/${customer.userId}/unlock`, 'ロック解除の依頼').expect(200);
      await act(
        `/api/v1/admin/accounts/${customer.userId}/two-factor/reset`,
        'スマートフォンの機種変更',
      ).expect(200);
      const leaver = await aRegisteredAccount(t).loggedIn();
      await requestWithdrawal(t, leaver);
      await act(`/api/v1/admin/withdrawals/${leaver.userId}/complete`, '退会申込書を確認').expect(
        200,
      );

      const expectations: Array<[string, string, string]> = [
        [customer.userId, 'two-factor.unlocked', 'ロック解除の依頼'],
        [customer.userId, 'two-factor.reset', 'スマートフォンの機種変更'],
        [leaver.userId, 'accounts.account-withdrawn', '退会申込書を確認'],
      ];
      for (const [userId, type, reason] of expectations) {
        const entry = await waitFor(
          async () => (await auditOf(userId, { types: type })).find((e) => e.type === type),
          { what: `${type} in the audit trail` },
        );
        expect(entry).toMatchObject({ actorAccountId: support.accountId, staffReason: reason });
      }
    });
  });

  describe('accounts and failed mails', () => {
    it('finds accounts by type and status with badges, and shows the account page', async () => {
      const form = aContactForm({ userId: customer.userId, email: customer.email });
      await contact(form).expect(202);
      const found = await t
        .http()
        .get('/api/v1/admin/support/accounts')
        .query({ q: customer.userId, type: 'individual', status: 'active' })
        .set(support.auth)
        .expect(200);
      expect(found.body.items).toEqual([
        expect.objectContaining({
          userId: customer.userId,
          badges: {
            passwordCooldown: false,
            twoFactorLocked: false,
            withdrawalRequested: false,
            renewalPending: false,
            staffRoles: [],
          },
        }),
      ]);
      const staff = await t
        .http()
        .get('/api/v1/admin/support/accounts')
        .query({ q: support.userId })
        .set(support.auth)
        .expect(200);
      expect(staff.body.items[0].badges.staffRoles).toEqual(['support']);
      const none = await t
        .http()
        .get('/api/v1/admin/support/accounts')
        .query({ q: customer.userId, type: 'corporate' })
        .set(support.auth)
        .expect(200);
      expect(none.body.total).toBe(0);
      const badType = await t
        .http()
        .get('/api/v1/admin/support/accounts')
        .query({ type: 'company' })
        .set(support.auth)
        .expect(400);
      expect(badType.body.code).toBe('VALIDATION_FAILED');

      const page = await t
        .http()
        .get(`/api/v1/admin/support/accounts/${customer.userId}`)
        .set(support.auth)
        .expect(200);
      expect(page.body).toMatchObject({
        account: { userId: customer.userId, status: 'active' },
        twoFactor: { enabled: false, locked: false },
        passwordCooldown: { coolingDownUntil: null },
        group: null,
      });
      expect(page.body.sessions.length).toBeGreaterThan(0);
      expect(page.body.openSupportRequests).toEqual([
        expect.objectContaining({ email: form.email, verified: true }),
      ]);
      const missing = await t
        .http()
        .get('/api/v1/admin/support/accounts/nobody9999')
        .set(support.auth)
        .expect(404);
      expect(missing.body.code).toBe('ACCOUNT_NOT_FOUND');
    });

    it('lists a failed mail with its error and queues it again', async () => {
      const queue = t.app.get<Queue>(getQueueToken('mail'));
      const eventId = randomUUID();
      // A receipt without its request number cannot be rendered: delivery fails at once.
      await queue.add(
        {
          eventId,
          type: 'support.request-received',
          occurredAt: new Date().toISOString(),
          subjectAccountId: null,
          payload: { language: 'ja' },
          metadata: {},
          secrets: { email: 'x@example.jp' },
        },
        { jobId: eventId, attempts: 1 },
      );
      const failed = await waitFor(
        async () => {
          const list = await t
            .http()
            .get('/api/v1/admin/support/failed-mails')
            .set(support.auth)
            .expect(200);
          return (list.body.items as Array<{ jobId: string; error: string }>).find(
            (m) => m.jobId === eventId,
          );
        },
        { what: 'the failed mail in the list' },
      );
      expect(failed.error).toContain('requestNumber');
      expect(JSON.stringify(failed)).not.toContain('x@example.jp');
      await t
        .http()
        .post(`/api/v1/admin/support/failed-mails/${eventId}/retry`)
        .set(support.auth)
        .expect(202);
      const gone = await t
        .http()
        .post('/api/v1/admin/support/failed-mails/no-such-job/retry')
        .set(support.auth)
        .expect(404);
      expect(gone.body.code).toBe('FAILED_MAIL_NOT_FOUND');
    });
  });
});
