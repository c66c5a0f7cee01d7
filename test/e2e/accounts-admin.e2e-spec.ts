import {
  aRegisteredAccount,
  accountRows,
  accountRowsByEmail,
  aStaffMember,
  aUserId,
  outboxEvents,
  PROFILES,
} from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

describe('support: /admin/accounts', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let support: LoggedInAccount;
  let admin: LoggedInAccount;
  let customer: LoggedInAccount;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    support = await aStaffMember(t, 'support').loggedIn();
    admin = await aStaffMember(t, 'admin').loggedIn();
    customer = await aRegisteredAccount(t).loggedIn();
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const paperForm = (overrides: object = {}) => ({
    type: 'individual',
    email: `${aUserId('paper')}@example.jp`,
    profile: PROFILES.individual,
    ...overrides,
  });
  const registerFromPaper = (body: object, as: LoggedInAccount = support) =>
    t.http().post('/api/v1/admin/accounts').set(as.auth).send(body);

  it('documents every accounts endpoint and error code in the OpenAPI document', async () => {
    const document = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
      'x-error-codes': Array<{ code: string; status: number }>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/accounts',
        '/api/v1/accounts/user-id-availability',
        '/api/v1/me',
        '/api/v1/me/withdrawal',
        '/api/v1/me/renewal-confirmation',
        '/api/v1/admin/accounts',
        '/api/v1/admin/accounts/{userId}',
        '/api/v1/admin/accounts/{userId}/renewal',
        '/api/v1/admin/accounts/{userId}/audit',
        '/api/v1/admin/withdrawals',
        '/api/v1/admin/withdrawals/{userId}/complete',
      ]),
    );
    const statuses = Object.fromEntries(document['x-error-codes'].map((e) => [e.code, e.status]));
    expect(statuses).toMatchObject({
      USER_ID_INVALID: 400,
      USER_ID_TAKEN: 409,
      EMAIL_INVALID: 400,
      PROFILE_INVALID: 400,
      TWO_FACTOR_NOT_AVAILABLE_AT_REGISTRATION: 400,
      ACCOUNT_TYPE_IMMUTABLE: 400,
      USER_ID_IMMUTABLE: 400,
      CURRENT_PASSWORD_REQUIRED: 400,
      CURRENT_PASSWORD_INCORRECT: 401,
      ACCOUNT_NOT_FOUND: 404,
      ACCOUNT_WITHDRAWN: 409,
      WITHDRAWAL_ALREADY_REQUESTED: 409,
      WITHDRAWAL_NOT_REQUESTED: 409,
    });
  });

  describe('only staff', () => {
    const endpoints: Array<[string, string]> = [
      ['post', '/api/v1/admin/accounts'],
      ['get', '/api/v1/admin/accounts'],
      ['get', '/api/v1/admin/accounts/someone01'],
      ['post', '/api/v1/admin/accounts/someone01/renewal'],
      ['get', '/api/v1/admin/accounts/someone01/audit'],
      ['get', '/api/v1/admin/withdrawals'],
      ['post', '/api/v1/admin/withdrawals/someone01/complete'],
    ];

    it.each(endpoints)(
      '%s %s answers 401 without a session and 403 FORBIDDEN for a customer',
      async (method, path) => {
        const call = (m: string) =>
          m === 'post' ? t.http().post(path).send({}) : t.http().get(path);
        expect((await call(method).expect(401)).body.code).toBe('UNAUTHENTICATED');
        const forbidden = await (
          method === 'post'
            ? t.http().post(path).set(customer.auth).send({})
            : t.http().get(path).set(customer.auth)
        ).expect(403);
        expect(forbidden.body.code).toBe('FORBIDDEN');
      },
    );

    it('lets the admin role in as well as support', async () => {
      await t.http().get('/api/v1/admin/accounts').set(admin.auth).expect(200);
    });
  });

  describe('POST /admin/accounts (paper application)', () => {
    it('assigns an ID in the 6–20 format, mails ID and temporary password, and audits the staff member', async () => {
      const body = paperForm({ type: 'group', profile: PROFILES.group });
      const response = await registerFromPaper(body).expect(201);
      expect(response.body).toEqual({
        userId: expect.stringMatching(/^[2-9a-hjkmnp-z]{10}$/) as string,
        type: 'group',
      });
      const userId = response.body.userId as string;

      const [row] = await accountRows(t, userId);
      expect(row).toMatchObject({
        user_id: userId,
        type: 'group',
        email: body.email,
        registered_by: 'staff',
        status: 'active',
      });
      const [event] = await outboxEvents(t, 'accounts.account-registered', row.id as string);
      expect(event.payload).toMatchObject({
        registeredBy: 'staff',
        type: 'group',
        groupName: '品質管理研究会',
      });
      expect(event.metadata.actorAccountId).toBe(support.accountId);

      const mail = await smtp.waitForMail(
        (m) => m.to.includes(body.email),
        'the ID and temporary password mail',
      );
      expect(mail.text).toContain(userId);
      expect(smtp.to(body.email).filter((m) => m.subject.includes('ユーザ登録完了'))).toHaveLength(
        0,
      );

      const audit = await waitFor(
        async () => {
          const trail = await t
            .http()
            .get(`/api/v1/admin/accounts/${userId}/audit`)
            .set(support.auth)
            .expect(200);
          const entry = (trail.body.items as Array<{ type: string; actorAccountId: string }>).find(
            (e) => e.type === 'accounts.account-registered',
          );
          return entry;
        },
        { what: 'the registration in the audit trail' },
      );
      expect(audit.actorAccountId).toBe(support.accountId);
    });

    it('gives every one of 10 parallel registrations its own ID', async () => {
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => registerFromPaper(paperForm())),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect(new Set(responses.map((r) => (r.body.userId as string).toLowerCase())).size).toBe(10);
    });

    it.each([
      ['no e-mail', { email: undefined }, 'VALIDATION_FAILED'],
      ['an invalid e-mail', { email: 'nobody@' }, 'EMAIL_INVALID'],
      ['a corporate form without company', { type: 'corporate' }, 'PROFILE_INVALID'],
      ['a chosen user ID (assigned automatically)', { userId: 'Chosen001' }, 'VALIDATION_FAILED'],
      ['a two-factor field', { twoFactor: true }, 'TWO_FACTOR_NOT_AVAILABLE_AT_REGISTRATION'],
    ])('refuses %s with 400 %s, writing nothing', async (_what, change, code) => {
      const body = paperForm(change);
      const response = await registerFromPaper(body).expect(400);
      expect(response.body.code).toBe(code);
      if (typeof body.email === 'string')
        expect(await accountRowsByEmail(t, body.email)).toHaveLength(0);
    });
  });

  describe('GET /admin/accounts (search)', () => {
    let tag: string;
    const found = async (query: Record<string, string | number>) => {
      const response = await t
        .http()
        .get('/api/v1/admin/accounts')
        .query(query)
        .set(support.auth)
        .expect(200);
      return response.body as {
        items: Array<{ userId: string; status: string }>;
        total: number;
        page: number;
        pageSize: number;
      };
    };

    beforeAll(async () => {
      tag = aUserId('').slice(0, 6);
      await aRegisteredAccount(t)
        .withUserId(`Srch${tag}A`)
        .withEmail(`search-${tag}@corp.example.jp`)
        .register();
      await aRegisteredAccount(t)
        .withUserId(`Srch${tag}B`)
        .withType('corporate')
        .withProfile({
          name: '検索 花子',
          nameKana: 'ケンサク ハナコ',
          companyName: `検索商事${tag}`,
        })
        .register();
      await aRegisteredAccount(t)
        .withUserId(`Srch${tag}C`)
        .withProfile({ name: `田中${tag}`, nameKana: 'タナカ' })
        .register();
    });

    it('finds by part of the user ID, case-insensitively', async () => {
      const result = await found({ q: `srch${tag}`.toUpperCase() });
      expect(result.items.map((a) => a.userId).sort()).toEqual([
        `Srch${tag}A`,
        `Srch${tag}B`,
        `Srch${tag}C`,
      ]);
      expect(result.total).toBe(3);
    });

    it('finds by e-mail, name and company name', async () => {
      expect((await found({ q: `search-${tag}@corp` })).items.map((a) => a.userId)).toEqual([
        `Srch${tag}A`,
      ]);
      expect((await found({ q: `田中${tag}` })).items.map((a) => a.userId)).toEqual([
        `Srch${tag}C`,
      ]);
      expect((await found({ q: `検索商事${tag}` })).items.map((a) => a.userId)).toEqual([
        `Srch${tag}B`,
      ]);
    });

    it('treats % and _ in the search text literally', async () => {
      expect((await found({ q: '%' })).total).toBe(0);
      expect((await found({ q: `Srch${tag}_` })).total).toBe(0);
    });

    it('pages and filters by status', async () => {
      const first = await found({ q: `Srch${tag}`, pageSize: 2, page: 1 });
      const second = await found({ q: `Srch${tag}`, pageSize: 2, page: 2 });
      expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(first.items).toHaveLength(2);
      expect(second.items).toHaveLength(1);
      expect(new Set([...first.items, ...second.items].map((a) => a.userId)).size).toBe(3);
      expect((await found({ q: `Srch${tag}`, status: 'withdrawal_requested' })).total).toBe(0);
      expect((await found({ q: `Srch${tag}`, status: 'active' })).total).toBe(3);
    });

    it.each([
      [{ status: 'deleted' }],
      [{ page: 0 }],
      [{ page: 'two' }],
      [{ pageSize: 101 }],
      [{ sort: 'name' }],
    ])('refuses %j with 400 VALIDATION_FAILED', async (query) => {
      const response = await t
        .http()
        .get('/api/v1/admin/accounts')
        .query(query)
        .set(support.auth)
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('GET /admin/accounts/{userId}', () => {
    it('shows status, renewal, withdrawal and two-factor state, finding the ID in any case', async () => {
      const account = await aRegisteredAccount(t).withType('corporate').register();
      const response = await t
        .http()
        .get(`/api/v1/admin/accounts/${account.userId.toUpperCase()}`)
        .set(support.auth)
        .expect(200);
      expect(response.body).toEqual({
        accountId: account.accountId,
        userId: account.userId,
        type: 'corporate',
        status: 'active',
        email: account.email,
        language: 'ja',
        profile: { ...PROFILES.corporate, phone: null, groupName: null },
        registeredBy: 'self',
        registeredAt: expect.any(String) as string,
        renewalRequired: false,
        renewalRequestedAt: null,
        withdrawalRequestedAt: null,
        withdrawalReason: null,
        withdrawnAt: null,
        twoFactor: { enabled: false, enrolled: false, requiredByGroup: false, locked: false },
      });
    });

    it('answers 404 ACCOUNT_NOT_FOUND for an unknown ID', async () => {
      const response = await t
        .http()
        .get('/api/v1/admin/accounts/nobody000')
        .set(support.auth)
        .expect(404);
      expect(response.body.code).toBe('ACCOUNT_NOT_FOUND');
      await t.http().get('/api/v1/admin/accounts/nobody000/audit').set(support.auth).expect(404);
      await t.http().post('/api/v1/admin/accounts/nobody000/renewal').set(support.auth).expect(404);
    });
  });

  describe('POST /admin/accounts/{userId}/renewal', () => {
    it('asks for renewal once: mails the customer, and a second request changes nothing', async () => {
      const account = await aRegisteredAccount(t).register();
      const first = await t
        .http()
        .post(`/api/v1/admin/accounts/${account.userId}/renewal`)
        .set(support.auth)
        .expect(200);
      expect(first.body).toEqual({
        userId: account.userId,
        renewalRequired: true,
        newlyRequested: true,
      });
      const again = await t
        .http()
        .post(`/api/v1/admin/accounts/${account.userId}/renewal`)
        .set(support.auth)
        .expect(200);
      expect(again.body.newlyRequested).toBe(false);

      const mail = await smtp.waitForMail(
        (m) => m.to.includes(account.email) && m.subject.includes('更新'),
        'the renewal mail',
      );
      expect(mail.subject).toBe('【研修ポータル】ご登録内容の更新のお願い');
      const events = await outboxEvents(t, 'accounts.renewal-requested', account.accountId);
      expect(events).toHaveLength(1);
      expect(events[0].metadata.actorAccountId).toBe(support.accountId);

      const detail = await t
        .http()
        .get(`/api/v1/admin/accounts/${account.userId}`)
        .set(support.auth)
        .expect(200);
      expect(detail.body).toMatchObject({
        renewalRequired: true,
        renewalRequestedAt: expect.any(String) as string,
      });
    });
  });

  describe('GET /admin/accounts/{userId}/audit', () => {
    it('lists the trail newest first, with the limit honoured', async () => {
      const account = await aRegisteredAccount(t).withType('corporate').loggedIn();
      await t
        .http()
        .patch('/api/v1/me')
        .set(account.auth)
        .send({ profile: { department: '総務部' } })
        .expect(200);
      await t
        .http()
        .post(`/api/v1/admin/accounts/${account.userId}/renewal`)
        .set(support.auth)
        .expect(200);

      const trail = await waitFor(
        async () => {
          const response = await t
            .http()
            .get(`/api/v1/admin/accounts/${account.userId}/audit`)
            .set(support.auth)
            .expect(200);
          const types = (response.body.items as Array<{ type: string }>)
            .map((e) => e.type)
            .filter((type) => type.startsWith('accounts.'));
          return types.length >= 3 && types;
        },
        { what: 'three account events in the audit trail' },
      );
      expect(trail).toEqual([
        'accounts.renewal-requested',
        'accounts.profile-changed',
        'accounts.account-registered',
      ]);

      const limited = await t
        .http()
        .get(`/api/v1/admin/accounts/${account.userId}/audit`)
        .query({ limit: 1 })
        .set(support.auth)
        .expect(200);
      expect(limited.body.items).toHaveLength(1);
      await t
        .http()
        .get(`/api/v1/admin/accounts/${account.userId}/audit`)
        .query({ limit: 0 })
        .set(support.auth)
        .expect(400);
      await t
        .http()
        .get(`/api/v1/admin/accounts/${account.userId}/audit`)
        .query({ before: 'yesterday' })
        .set(support.auth)
        .expect(400);
    });
  });
});
