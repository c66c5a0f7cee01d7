import { QueryBus } from '@nestjs/cqrs';
import { FindAccountForLoginQuery, GetAccountQuery } from '../../src/modules/accounts/public-api';
import {
  accountRows,
  aRegistrationBody,
  aUserId,
  outboxEvents,
  PROFILES,
} from '@test/support/builders/accounts';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

const AVAILABILITY_LIMIT = 5;

describe('registration: POST /accounts and GET /accounts/user-id-availability', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let clientNumber = 0;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
        USER_ID_AVAILABILITY_LIMIT_PER_MINUTE: String(AVAILABILITY_LIMIT),
      },
    });
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const register = (body: unknown) =>
    t
      .http()
      .post('/api/v1/accounts')
      .send(body as object);
  /** Each test its own client address (the test app trusts loopback proxies), so rate limits never leak between tests. */
  const asNewClient = () => `198.51.100.${(clientNumber += 1)}`;
  const availability = (userId: string | undefined, client = asNewClient()) =>
    t
      .http()
      .get('/api/v1/accounts/user-id-availability')
      .query(userId === undefined ? {} : { userId })
      .set('X-Forwarded-For', client);

  describe('each type registers with its own profile', () => {
    it.each(['individual', 'corporate', 'group'] as const)('%s', async (type) => {
      const body = aRegistrationBody(type);
      const response = await register(body).expect(201);
      expect(response.body).toEqual({ userId: body.userId, type });

      const found = await t.app.get(QueryBus).execute(new FindAccountForLoginQuery(body.userId));
      expect(found).toMatchObject({
        userId: body.userId,
        type,
        status: 'active',
        email: body.email,
        language: 'ja',
        renewalRequired: false,
      });
      const account = await t.app.get(QueryBus).execute(new GetAccountQuery(found!.accountId));
      expect(account?.profile).toMatchObject(PROFILES[type]);

      const [event] = await outboxEvents(t, 'accounts.account-registered', found!.accountId);
      expect(event.payload).toEqual({
        accountId: found!.accountId,
        userId: body.userId,
        type,
        email: body.email,
        language: 'ja',
        registeredBy: 'self',
        ...(type === 'group' ? { groupName: '品質管理研究会' } : {}),
      });
      expect(JSON.stringify(event.payload)).not.toContain(body.password);
    });
  });

  it('mails a welcome in Japanese by default, in English when the customer chose English', async () => {
    const ja = aRegistrationBody('individual');
    const en = aRegistrationBody('corporate', { language: 'en' });
    await register(ja).expect(201);
    await register(en).expect(201);

    const jaMail = await smtp.waitForMail((m) => m.to.includes(ja.email), 'the Japanese welcome');
    expect(jaMail.subject).toBe('【研修ポータル】ユーザ登録完了のお知らせ');
    expect(jaMail.text).toContain(`ユーザID: ${ja.userId}`);
    expect(jaMail.text).not.toContain(ja.password);
    const enMail = await smtp.waitForMail((m) => m.to.includes(en.email), 'the English welcome');
    expect(enMail.subject).toBe('[Training Portal] Your registration is complete');
  });

  it('keeps the user ID exactly as typed and matches it case-sensitively for login', async () => {
    const body = aRegistrationBody('individual', { userId: `MiXeD${aUserId().slice(1, 9)}` });
    await register(body).expect(201);
    const queries = t.app.get(QueryBus);
    expect(await queries.execute(new FindAccountForLoginQuery(body.userId))).toMatchObject({
      userId: body.userId,
    });
    expect(
      await queries.execute(new FindAccountForLoginQuery(body.userId.toLowerCase())),
    ).toBeNull();
  });

  describe('user ID rules', () => {
    it.each([
      ['too short', 'abc12', 'length'],
      ['too long', 'a'.repeat(21), 'length'],
      ['a symbol', 'yamada_01', 'characters'],
      ['a space', 'yamada 01', 'characters'],
    ])(
      'refuses an ID with %s: 400 USER_ID_INVALID stating the rule, no row',
      async (_what, userId, hint) => {
        const response = await register(aRegistrationBody('individual', { userId })).expect(400);
        expect(response.body).toEqual({
          code: 'USER_ID_INVALID',
          message: 'ユーザIDは半角英数字(A〜Z、a〜z、0〜9)6〜20文字で入力してください。',
          details: { hint, rule: { minLength: 6, maxLength: 20, characters: 'A-Z a-z 0-9' } },
        });
        expect(await accountRows(t, userId)).toHaveLength(0);
      },
    );

    it('tells a customer who typed full-width characters to switch the input mode, in both languages', async () => {
      const ja = await register(
        aRegistrationBody('individual', { userId: 'ｙａｍａｄａ０１' }),
      ).expect(400);
      expect(ja.body.code).toBe('USER_ID_INVALID');
      expect(ja.body.details).toMatchObject({ hint: 'full_width' });
      expect(ja.body.message).toContain('入力モードを半角に切り替えて');

      const en = await register(aRegistrationBody('individual', { userId: 'ｙａｍａｄａ０１' }))
        .set('Accept-Language', 'en')
        .expect(400);
      expect(en.body.message).toContain('Switch your input mode to half-width');
    });

    it('refuses a case variant of a taken ID with 409 USER_ID_TAKEN asking for another ID', async () => {
      const first = aRegistrationBody('individual', { userId: `Taken${aUserId().slice(1, 9)}` });
      await register(first).expect(201);
      const response = await register(
        aRegistrationBody('corporate', { userId: first.userId.toUpperCase() }),
      ).expect(409);
      expect(response.body).toEqual({
        code: 'USER_ID_TAKEN',
        message: 'このユーザIDは既に使用されています。別のユーザIDを指定してください。',
      });
      expect(await accountRows(t, first.userId)).toHaveLength(1);
    });

    it('lets exactly one of two parallel registrations of Yamada01 and yamada01 succeed', async () => {
      const stem = aUserId('').slice(0, 8);
      const responses = await Promise.all([
        register(aRegistrationBody('individual', { userId: `Yamada${stem}` })),
        register(aRegistrationBody('individual', { userId: `yamada${stem}` })),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(responses.find((r) => r.status === 409)?.body.code).toBe('USER_ID_TAKEN');
      expect(await accountRows(t, `yamada${stem}`)).toHaveLength(1);
    });

    it('creates exactly one account from 20 parallel registrations of case variants of one ID', async () => {
      const base = `racers${aUserId('').slice(0, 8)}`;
      const variants = Array.from({ length: 20 }, (_, i) =>
        [...base].map((c, j) => ((i >> j) & 1 ? c.toUpperCase() : c)).join(''),
      );
      expect(new Set(variants).size).toBe(20);

      const responses = await Promise.all(
        variants.map((userId) => register(aRegistrationBody('individual', { userId }))),
      );

      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      expect(
        responses.filter((r) => r.status === 409).every((r) => r.body.code === 'USER_ID_TAKEN'),
      ).toBe(true);
      const rows = await accountRows(t, base);
      expect(rows).toHaveLength(1);
      const winner = responses.find((r) => r.status === 201)!.body.userId as string;
      expect(rows[0].user_id).toBe(winner);
      expect(
        await outboxEvents(t, 'accounts.account-registered', rows[0].id as string),
      ).toHaveLength(1);
    });

    it('lets exactly one of 10 parallel registrations of the very same ID win', async () => {
      const userId = aUserId('same');
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => register(aRegistrationBody('individual', { userId }))),
      );
      expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
      expect(
        responses.filter((r) => r.status === 409 && r.body.code === 'USER_ID_TAKEN'),
      ).toHaveLength(9);
      expect(await accountRows(t, userId)).toHaveLength(1);
    });
  });

  describe('bad input is a 4xx with a stable code, never a 500, and writes nothing', () => {
    it('refuses a password that breaks the policy with PASSWORD_POLICY_VIOLATION, leaving no account row', async () => {
      for (const password of ['short1', 'パスワード12345678', 'password', 'abc!defgh1234']) {
        const body = aRegistrationBody('individual', { password });
        const response = await register(body).expect(400);
        expect(response.body.code).toBe('PASSWORD_POLICY_VIOLATION');
        expect(await accountRows(t, body.userId)).toHaveLength(0);
      }
      const sameAsId = aRegistrationBody('individual');
      await register({ ...sameAsId, password: sameAsId.userId }).expect(400);
      expect(await accountRows(t, sameAsId.userId)).toHaveLength(0);
    });

    it('leaves the ID free after a refused password, so the customer can retry at once', async () => {
      const body = aRegistrationBody('individual', { password: 'short1' });
      await register(body).expect(400);
      await register({ ...body, password: 'Hanamizuki2024' }).expect(201);
    });

    it.each([
      ['twoFactorEnabled', { twoFactorEnabled: true }, 'twoFactorEnabled'],
      ['two_factor', { two_factor: { enabled: true } }, 'two_factor'],
      ['totpSecret', { totpSecret: 'JBSWY3DPEHPK3PXP' }, 'totpSecret'],
      [
        'profile.useTwoFactor',
        { profile: { ...PROFILES.individual, useTwoFactor: true } },
        'profile.useTwoFactor',
      ],
    ])(
      'refuses a two-factor field (%s) with TWO_FACTOR_NOT_AVAILABLE_AT_REGISTRATION',
      async (_name, extra, field) => {
        const body = { ...aRegistrationBody('individual'), ...extra };
        const response = await register(body).expect(400);
        expect(response.body).toEqual({
          code: 'TWO_FACTOR_NOT_AVAILABLE_AT_REGISTRATION',
          message: expect.stringContaining(
            '登録完了後、マイページのプロフィール変更から二段階認証',
          ) as string,
          details: { field },
        });
        expect(await accountRows(t, body.userId)).toHaveLength(0);
      },
    );

    it.each([
      ['an invalid e-mail', { email: 'taro@example' }, 'EMAIL_INVALID'],
      ['a full-width e-mail', { email: 'ｔａｒｏ＠example.jp' }, 'EMAIL_INVALID'],
      ['a corporate profile without company', { type: 'corporate' }, 'PROFILE_INVALID'],
      [
        'an individual with a group name',
        { profile: { ...PROFILES.individual, groupName: 'G' } },
        'PROFILE_INVALID',
      ],
      [
        'a kana name in latin letters',
        { profile: { ...PROFILES.individual, nameKana: 'Yamada' } },
        'PROFILE_INVALID',
      ],
      ['an unknown type', { type: 'company' }, 'VALIDATION_FAILED'],
      ['an unknown field', { nickname: 'taro' }, 'VALIDATION_FAILED'],
      ['a numeric user ID', { userId: 12345678 }, 'VALIDATION_FAILED'],
      ['no profile', { profile: undefined }, 'VALIDATION_FAILED'],
      ['a profile that is a string', { profile: 'me' }, 'VALIDATION_FAILED'],
      ['a null e-mail', { email: null }, 'VALIDATION_FAILED'],
      ['an unknown language', { language: 'fr' }, 'VALIDATION_FAILED'],
    ])('refuses %s with 400 %s', async (_what, change, code) => {
      const body = { ...aRegistrationBody('individual'), ...change };
      const response = await register(body).expect(400);
      expect(response.body.code).toBe(code);
      expect(await accountRows(t, String(body.userId))).toHaveLength(0);
    });

    it('names each bad profile field', async () => {
      const response = await register(
        aRegistrationBody('corporate', { profile: { name: '', nameKana: 'abc' } }),
      ).expect(400);
      expect(response.body).toMatchObject({
        code: 'PROFILE_INVALID',
        details: {
          fields: {
            'profile.name': ['required'],
            'profile.nameKana': ['kana_only'],
            'profile.companyName': ['required'],
          },
        },
      });
    });

    it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
      const response = await t
        .http()
        .post('/api/v1/accounts')
        .set('Content-Type', 'application/json')
        .send('{"type":')
        .expect(400);
      expect(response.body.code).toBe('MALFORMED_REQUEST');
    });
  });

  describe('GET /accounts/user-id-availability', () => {
    it('answers available for a free ID and not for a taken one in any case', async () => {
      const body = aRegistrationBody('individual', { userId: `Avail${aUserId().slice(1, 9)}` });
      const client = asNewClient();
      expect((await availability(body.userId, client).expect(200)).body).toEqual({
        available: true,
      });
      await register(body).expect(201);
      expect((await availability(body.userId, client).expect(200)).body).toEqual({
        available: false,
      });
      expect((await availability(body.userId.toUpperCase(), client).expect(200)).body).toEqual({
        available: false,
      });
    });

    it.each([
      ['abc', 'length'],
      ['ｙａｍａｄａ０１', 'full_width'],
      [undefined, 'length'],
    ])('refuses %p with 400 USER_ID_INVALID (hint %s)', async (userId, hint) => {
      const response = await availability(userId).expect(400);
      expect(response.body).toMatchObject({ code: 'USER_ID_INVALID', details: { hint } });
    });

    it(`answers 429 TOO_MANY_ATTEMPTS after ${AVAILABILITY_LIMIT} checks a minute from one client, other clients unaffected`, async () => {
      const client = asNewClient();
      for (let i = 0; i < AVAILABILITY_LIMIT; i += 1)
        await availability(aUserId(), client).expect(200);
      const refused = await availability(aUserId(), client).expect(429);
      expect(refused.body).toMatchObject({
        code: 'TOO_MANY_ATTEMPTS',
        details: { retryAfterSeconds: expect.any(Number) },
      });
      await availability(aUserId(), asNewClient()).expect(200);
    });
  });
});
