import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  FindAccountForLoginQuery,
  GetSecondFactorSummaryQuery,
  GetSecondFactorSummarySqlQuery,
} from '../../src/modules/accounts/public-api';
import type { SecondFactorSummary } from '../../src/modules/accounts/public-api';
import { RequireTwoFactorForMemberCommand } from '../../src/modules/two-factor/public-api';
import { aRegisteredAccount, aStaffMember, outboxEvents } from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import { SmtpCapture } from '@test/support/smtp-capture';
import {
  TwoFactorTestClock,
  enrollTwoFactor,
  lockTwoFactor,
} from '@test/support/builders/two-factor';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

const PASSWORD_CHECKS_PER_HOUR = 3;

describe('My Page: GET /me, PATCH /me, POST /me/renewal-confirmation', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let support: LoggedInAccount;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
        ACCOUNT_PASSWORD_CHECKS_PER_HOUR: String(PASSWORD_CHECKS_PER_HOUR),
      },
    });
    support = await aStaffMember(t, 'support').loggedIn();
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const me = (account: LoggedInAccount) => t.http().get('/api/v1/me').set(account.auth);
  const edit = (account: LoggedInAccount, body: object) =>
    t.http().patch('/api/v1/me').set(account.auth).send(body);

  it('answers 401 UNAUTHENTICATED without a session or with an unknown token', async () => {
    expect((await t.http().get('/api/v1/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
    expect((await t.http().patch('/api/v1/me').send({}).expect(401)).body.code).toBe(
      'UNAUTHENTICATED',
    );
    await t.http().get('/api/v1/me').set('Authorization', 'Bearer not-a-session').expect(401);
  });

  it('shows the ID, type, e-mail, profile and the two-factor block', async () => {
    const account = await aRegisteredAccount(t).withType('corporate').loggedIn();
    const response = await me(account).expect(200);
    expect(response.body).toEqual({
      accountId: account.accountId,
      userId: account.userId,
      type: 'corporate',
      status: 'active',
      email: account.email,
      language: 'ja',
      profile: {
        name: '鈴木 一郎',
        nameKana: 'スズキ イチロウ',
        phone: null,
        companyName: '株式会社サンプル',
        department: '人事部',
        groupName: null,
      },
      renewalRequired: false,
      registeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string,
      twoFactor: { enabled: false, enrolled: false, requiredByGroup: false },
    });
  });

  it('changes profile fields and the language, recording which fields changed (not their values)', async () => {
    const account = await aRegisteredAccount(t).withType('corporate').loggedIn();
    const response = await edit(account, {
      profile: { department: '営業部', phone: '03-1234-5678' },
      language: 'en',
    }).expect(200);
    expect(response.body.profile).toMatchObject({
      department: '営業部',
      phone: '03-1234-5678',
      companyName: '株式会社サンプル',
    });
    expect(response.body.language).toBe('en');

    const [event] = await outboxEvents(t, 'accounts.profile-changed', account.accountId);
    expect(event.payload).toEqual({
      accountId: account.accountId,
      userId: account.userId,
      changedFields: ['phone', 'department', 'language'],
      language: 'en',
    });

    await edit(account, { profile: { department: null } }).expect(200);
    expect((await me(account)).body.profile.department).toBeNull();
  });

  describe('the type and the user ID never change', () => {
    it('refuses another type with 400 ACCOUNT_TYPE_IMMUTABLE explaining what to do instead', async () => {
      const account = await aRegisteredAccount(t).withType('individual').loggedIn();
      const response = await edit(account, {
        type: 'corporate',
        profile: { name: '変更後' },
      }).expect(400);
      expect(response.body.code).toBe('ACCOUNT_TYPE_IMMUTABLE');
      expect(response.body.message).toContain('新たに法人ユーザとしてユーザ登録を行い');
      const en = await edit(account, { type: 'corporate' })
        .set('Accept-Language', 'en')
        .expect(400);
      expect(en.body.message).toContain(
        'register a new corporate account and withdraw the individual one',
      );

      const after = (await me(account)).body;
      expect(after.type).toBe('individual');
      expect(after.profile.name).toBe('山田 太郎');
      expect(await outboxEvents(t, 'accounts.profile-changed', account.accountId)).toHaveLength(0);
    });

    it('refuses another user ID with 400 USER_ID_IMMUTABLE, even a case variant', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      const response = await edit(account, { userId: account.userId.toUpperCase() }).expect(400);
      expect(response.body.code).toBe('USER_ID_IMMUTABLE');
      expect((await me(account)).body.userId).toBe(account.userId);
    });

    it('accepts the unchanged type and ID that a form sends back', async () => {
      const account = await aRegisteredAccount(t).withType('group').loggedIn();
      await edit(account, {
        type: 'group',
        userId: account.userId,
        profile: { groupName: '新研究会' },
      }).expect(200);
    });
  });

  it.each([
    [
      'a company name on an individual account',
      { profile: { companyName: 'A社' } },
      'PROFILE_INVALID',
    ],
    ['clearing the name', { profile: { name: '  ' } }, 'PROFILE_INVALID'],
    ['an invalid e-mail', { email: 'not-an-address', password: 'whatever1' }, 'EMAIL_INVALID'],
    ['an unknown field', { nickname: 'taro' }, 'VALIDATION_FAILED'],
    ['a numeric phone', { profile: { phone: 312345678 } }, 'VALIDATION_FAILED'],
    ['an unknown language', { language: 'de' }, 'VALIDATION_FAILED'],
  ])('refuses %s with 400 %s and changes nothing', async (_what, body, code) => {
    const account = await aRegisteredAccount(t).loggedIn();
    const before = (await me(account)).body;
    expect((await edit(account, body).expect(400)).body.code).toBe(code);
    expect((await me(account)).body).toEqual(before);
  });

  describe('changing the e-mail address', () => {
    it('needs the current password: missing → 400 CURRENT_PASSWORD_REQUIRED, wrong → 401 CURRENT_PASSWORD_INCORRECT', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      const missing = await edit(account, { email: `new-${account.email}` }).expect(400);
      expect(missing.body.code).toBe('CURRENT_PASSWORD_REQUIRED');
      const wrong = await edit(account, {
        email: `new-${account.email}`,
        password: 'Wrong12345',
      }).expect(401);
      expect(wrong.body.code).toBe('CURRENT_PASSWORD_INCORRECT');
      expect((await me(account).expect(200)).body.email).toBe(account.email);
    });

    it('changes it with the right password and notifies the OLD address in Japanese', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      const newEmail = `moved-${account.email}`;
      const response = await edit(account, { email: newEmail, password: account.password }).expect(
        200,
      );
      expect(response.body.email).toBe(newEmail);

      const notice = await smtp.waitForMail(
        (m) => m.to.includes(account.email) && m.subject.includes('E-mailアドレス変更'),
        'the notice to the old address',
      );
      expect(notice.subject).toBe('【研修ポータル】E-mailアドレス変更のお知らせ');
      expect(notice.text).toContain(account.userId);
      expect(smtp.to(newEmail).filter((m) => m.subject.includes('変更'))).toHaveLength(0);

      const [event] = await outboxEvents(t, 'accounts.email-changed', account.accountId);
      expect(event.payload).toEqual({
        accountId: account.accountId,
        userId: account.userId,
        oldEmail: account.email,
        newEmail,
        email: account.email,
        language: 'ja',
      });
      const found = await t.app.get(QueryBus).execute(new FindAccountForLoginQuery(account.userId));
      expect(found?.email).toBe(newEmail);
    });

    it('writes the notice in English for an account that chose English', async () => {
      const account = await aRegisteredAccount(t).withLanguage('en').loggedIn();
      await edit(account, { email: `en-${account.email}`, password: account.password }).expect(200);
      const notice = await smtp.waitForMail(
        (m) => m.to.includes(account.email) && m.subject.includes('e-mail address was changed'),
        'the English notice',
      );
      expect(notice.subject).toBe('[Training Portal] Your e-mail address was changed');
    });

    it('does not ask for the password when the registered address is sent back unchanged', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      await edit(account, { email: account.email, profile: { phone: '03-0000-1111' } }).expect(200);
      expect(await outboxEvents(t, 'accounts.email-changed', account.accountId)).toHaveLength(0);
    });

    it(`refuses more than ${PASSWORD_CHECKS_PER_HOUR} password checks an hour on one account with 429 TOO_MANY_ATTEMPTS`, async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      const attempts = await Promise.all(
        Array.from({ length: PASSWORD_CHECKS_PER_HOUR + 3 }, () =>
          edit(account, { email: `guess-${account.email}`, password: 'Guess12345' }),
        ),
      );
      const statuses = attempts.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(PASSWORD_CHECKS_PER_HOUR);
      expect(statuses.filter((s) => s === 429)).toHaveLength(3);
      // Even the right password waits until the window has passed.
      const blocked = await edit(account, {
        email: `late-${account.email}`,
        password: account.password,
      }).expect(429);
      expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    });
  });

  describe('renewal requested by support', () => {
    const requestRenewal = (userId: string) =>
      t.http().post(`/api/v1/admin/accounts/${userId}/renewal`).set(support.auth).expect(200);

    it('is shown on My Page and to the login flow, and cleared when the holder confirms', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      await requestRenewal(account.userId);
      expect((await me(account)).body.renewalRequired).toBe(true);
      const forLogin = await t.app
        .get(QueryBus)
        .execute(new FindAccountForLoginQuery(account.userId));
      expect(forLogin?.renewalRequired).toBe(true);

      const confirmed = await t
        .http()
        .post('/api/v1/me/renewal-confirmation')
        .set(account.auth)
        .expect(200);
      expect(confirmed.body.renewalRequired).toBe(false);
      const [event] = await outboxEvents(t, 'accounts.renewal-completed', account.accountId);
      expect(event.payload).toEqual({ accountId: account.accountId, userId: account.userId });

      await t.http().post('/api/v1/me/renewal-confirmation').set(account.auth).expect(200);
      expect(await outboxEvents(t, 'accounts.renewal-completed', account.accountId)).toHaveLength(
        1,
      );
    });

    it('is cleared by saving the profile', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      await requestRenewal(account.userId);
      const response = await edit(account, { profile: { phone: '06-1234-5678' } }).expect(200);
      expect(response.body.renewalRequired).toBe(false);
    });
  });

  describe('the two-factor block, read in the same statement as the account (ADR 0095)', () => {
    let clock: TwoFactorTestClock;

    beforeAll(() => {
      clock = new TwoFactorTestClock(t);
    });

    /** The two-factor context's own answer, through its entity, and through its SQL fragment. */
    const summaries = async (accountId: string) => {
      const queries = t.app.get(QueryBus);
      const sql = await queries.execute(new GetSecondFactorSummarySqlQuery());
      const [row] = await t.app
        .get(EntityManager)
        .fork()
        .execute<SecondFactorSummary[]>(
          `select coalesce(f."enabled", false) as "enabled",
                  coalesce(f."enrolled", false) as "enrolled",
                  coalesce(f."required_by_group", false) as "requiredByGroup",
                  coalesce(f."locked", false) as "locked"
           from (select 1) one left join lateral (${sql}) f on true`,
          [accountId],
        );
      return {
        entity: await queries.execute(new GetSecondFactorSummaryQuery(accountId)),
        sql: row,
      };
    };

    const expectMyPageToShow = async (account: LoggedInAccount, shown: object) => {
      const { entity, sql } = await summaries(account.accountId);
      expect(sql).toEqual(entity);
      const { locked: _notShown, ...onMyPage } = entity;
      expect(onMyPage).toEqual(shown);
      expect((await me(account).expect(200)).body.twoFactor).toEqual(shown);
    };

    it('follows the second factor from off to enrolled and required by a group', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      await expectMyPageToShow(account, {
        enabled: false,
        enrolled: false,
        requiredByGroup: false,
      });

      await enrollTwoFactor(t, clock, account);
      await expectMyPageToShow(account, { enabled: true, enrolled: true, requiredByGroup: false });

      await t.app
        .get(CommandBus)
        .execute(new RequireTwoFactorForMemberCommand(account.accountId, true, support.accountId));
      await expectMyPageToShow(account, { enabled: true, enrolled: true, requiredByGroup: true });
    });

    it('leaves the lock off My Page, as the summary marks it', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      const { secret } = await enrollTwoFactor(t, clock, account);
      await lockTwoFactor(t, clock, account, secret);
      const { entity, sql } = await summaries(account.accountId);
      expect(entity.locked).toBe(true);
      expect(sql).toEqual(entity);
      expect((await me(account).expect(200)).body.twoFactor).toEqual({
        enabled: true,
        enrolled: true,
        requiredByGroup: false,
      });
    });

    it('answers PATCH /me with the same read', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      await enrollTwoFactor(t, clock, account);
      const edited = await edit(account, { profile: { phone: '03-2222-3333' } }).expect(200);
      expect(edited.body).toEqual((await me(account).expect(200)).body);
      expect(edited.body.twoFactor).toEqual({
        enabled: true,
        enrolled: true,
        requiredByGroup: false,
      });
    });
  });
});
