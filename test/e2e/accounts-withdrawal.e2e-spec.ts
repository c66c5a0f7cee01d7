import { QueryBus } from '@nestjs/cqrs';
import {
  FindAccountForLoginQuery,
  FindActiveAccountsByEmailQuery,
  GetAccountQuery,
} from '../../src/modules/accounts/public-api';
import {
  accountRows,
  aRegisteredAccount,
  aRegistrationBody,
  aStaffMember,
  aUserId,
  deliveredEvent,
  outboxEvents,
} from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

describe('withdrawal: POST /me/withdrawal, GET /admin/withdrawals, POST /admin/withdrawals/{userId}/complete', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let support: LoggedInAccount;
  let clientNumber = 0;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    support = await aStaffMember(t, 'support').loggedIn();
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const apply = (account: LoggedInAccount, body: object) =>
    t.http().post('/api/v1/me/withdrawal').set(account.auth).send(body);
  const complete = (userId: string) =>
    t.http().post(`/api/v1/admin/withdrawals/${userId}/complete`).set(support.auth);
  const pending = async () =>
    (
      await t
        .http()
        .get('/api/v1/admin/withdrawals')
        .query({ pageSize: 100 })
        .set(support.auth)
        .expect(200)
    ).body as {
      items: Array<{
        userId: string;
        reason: string | null;
        email: string;
        name: string;
        requestedAt: string;
      }>;
      total: number;
    };
  const login = (userId: string, password: string) =>
    t
      .http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', `192.0.2.${(clientNumber += 1)}`)
      .send({ userId, password });

  async function withdrawn(): Promise<LoggedInAccount> {
    const account = await aRegisteredAccount(t).loggedIn();
    await apply(account, { password: account.password }).expect(202);
    await complete(account.userId).expect(200);
    return account;
  }

  describe('the holder applies from My Page', () => {
    it('needs the current password: missing → 400 VALIDATION_FAILED, wrong → 401 CURRENT_PASSWORD_INCORRECT', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      expect((await apply(account, {}).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await apply(account, { password: 'Wrong12345' }).expect(401)).body.code).toBe(
        'CURRENT_PASSWORD_INCORRECT',
      );
      expect((await t.http().get('/api/v1/me').set(account.auth).expect(200)).body.status).toBe(
        'active',
      );
      expect(
        await outboxEvents(t, 'accounts.withdrawal-requested', account.accountId),
      ).toHaveLength(0);
    });

    it('answers 401 without a session', async () => {
      await t.http().post('/api/v1/me/withdrawal').send({ password: 'x' }).expect(401);
    });

    it('accepts the request (202), mails a receipt, and shows it to support with the reason', async () => {
      const account = await aRegisteredAccount(t).withType('corporate').loggedIn();
      const response = await apply(account, {
        password: account.password,
        reason: '法人ユーザとして登録し直すため',
      }).expect(202);
      expect(response.body).toEqual({ status: 'withdrawal_requested' });

      const mail = await smtp.waitForMail(
        (m) => m.to.includes(account.email) && m.subject.includes('退会のお申込み'),
        'the receipt',
      );
      expect(mail.subject).toBe('【研修ポータル】退会のお申込みを受け付けました');
      expect(mail.text).toContain(account.userId);

      const [event] = await outboxEvents(t, 'accounts.withdrawal-requested', account.accountId);
      expect(event.payload).toEqual({
        accountId: account.accountId,
        userId: account.userId,
        email: account.email,
        language: 'ja',
        reasonGiven: true,
      });
      const listed = (await pending()).items.find((r) => r.userId === account.userId);
      expect(listed).toMatchObject({
        reason: '法人ユーザとして登録し直すため',
        email: account.email,
        name: '鈴木 一郎',
      });
      expect((await t.http().get('/api/v1/me').set(account.auth).expect(200)).body.status).toBe(
        'withdrawal_requested',
      );
    });

    it('refuses a second request with 409 WITHDRAWAL_ALREADY_REQUESTED, even in parallel', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => apply(account, { password: account.password })),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([202, 409, 409, 409, 409]);
      expect(
        responses
          .filter((r) => r.status === 409)
          .every((r) => r.body.code === 'WITHDRAWAL_ALREADY_REQUESTED'),
      ).toBe(true);
      expect(
        await outboxEvents(t, 'accounts.withdrawal-requested', account.accountId),
      ).toHaveLength(1);
    });

    it('lists pending requests oldest first', async () => {
      const first = await aRegisteredAccount(t).loggedIn();
      const second = await aRegisteredAccount(t).loggedIn();
      await apply(first, { password: first.password }).expect(202);
      await apply(second, { password: second.password }).expect(202);
      const order = (await pending()).items.map((r) => r.userId);
      expect(order.indexOf(first.userId)).toBeLessThan(order.indexOf(second.userId));
    });
  });

  describe('support completes it', () => {
    it('anonymises the account, keeps the ID reserved, mails a confirmation and raises accounts.account-withdrawn', async () => {
      const account = await aRegisteredAccount(t).withType('group').loggedIn();
      await apply(account, { password: account.password, reason: '退会理由' }).expect(202);

      const response = await complete(account.userId.toUpperCase()).expect(200);
      expect(response.body).toEqual({ userId: account.userId, status: 'withdrawn' });

      const [row] = await accountRows(t, account.userId);
      expect(row).toMatchObject({
        user_id: account.userId,
        status: 'withdrawn',
        email: null,
        name: null,
        name_kana: null,
        phone: null,
        group_name: null,
        withdrawal_reason: null,
      });
      expect(row.withdrawn_at).not.toBeNull();

      const [event] = await outboxEvents(t, 'accounts.account-withdrawn', account.accountId);
      expect(event.payload).toEqual({
        accountId: account.accountId,
        userId: account.userId,
        language: 'ja',
      });
      expect(event.metadata.actorAccountId).toBe(support.accountId);

      const mail = await smtp.waitForMail(
        (m) => m.to.includes(account.email) && m.subject.includes('退会手続き完了'),
        'the confirmation',
      );
      expect(mail.subject).toBe('【研修ポータル】退会手続き完了のお知らせ');
      // The address reached the mail queue only: once the mail is sent, nothing in the outbox keeps it.
      const relayed = await deliveredEvent(t, 'accounts.account-withdrawn', account.accountId);
      expect(relayed.publishedAt).toBeInstanceOf(Date);
      expect(relayed.secrets).toBeNull();
      expect(JSON.stringify(relayed.payload)).not.toContain(account.email);

      expect((await pending()).items.map((r) => r.userId)).not.toContain(account.userId);
    });

    it('revokes the sessions of the withdrawn account', async () => {
      const account = await withdrawn();
      await waitFor(
        async () => (await t.http().get('/api/v1/me').set(account.auth)).status === 401,
        {
          what: 'the session to be revoked',
        },
      );
    });

    it('shows the withdrawn account to support, with its audit trail still readable', async () => {
      const account = await withdrawn();
      const detail = await t
        .http()
        .get(`/api/v1/admin/accounts/${account.userId}`)
        .set(support.auth)
        .expect(200);
      expect(detail.body).toMatchObject({
        userId: account.userId,
        status: 'withdrawn',
        email: null,
        profile: null,
        withdrawnAt: expect.any(String) as string,
      });

      const types = await waitFor(
        async () => {
          const trail = await t
            .http()
            .get(`/api/v1/admin/accounts/${account.userId}/audit`)
            .set(support.auth)
            .expect(200);
          const found = (trail.body.items as Array<{ type: string }>).map((e) => e.type);
          return found.includes('accounts.account-withdrawn') && found;
        },
        { what: 'the withdrawal in the audit trail' },
      );
      expect(types).toEqual(
        expect.arrayContaining([
          'accounts.account-registered',
          'accounts.withdrawal-requested',
          'accounts.account-withdrawn',
        ]),
      );

      const search = await t
        .http()
        .get('/api/v1/admin/accounts')
        .query({ q: account.userId, status: 'withdrawn' })
        .set(support.auth)
        .expect(200);
      expect(search.body.items).toEqual([
        expect.objectContaining({ userId: account.userId, email: null, name: null }),
      ]);
    });

    it('answers a second completion with 409 ACCOUNT_WITHDRAWN and raises no second event', async () => {
      const account = await withdrawn();
      const again = await complete(account.userId).expect(409);
      expect(again.body).toEqual({
        code: 'ACCOUNT_WITHDRAWN',
        message: 'このアカウントは既に退会済みです。',
      });
      expect(await outboxEvents(t, 'accounts.account-withdrawn', account.accountId)).toHaveLength(
        1,
      );
    });

    it('completes exactly once when support clicks several times at once', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      await apply(account, { password: account.password }).expect(202);
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => complete(account.userId)),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      expect(await outboxEvents(t, 'accounts.account-withdrawn', account.accountId)).toHaveLength(
        1,
      );
    });

    it('refuses to complete without a request (409 WITHDRAWAL_NOT_REQUESTED) and for an unknown ID (404)', async () => {
      const account = await aRegisteredAccount(t).register();
      expect((await complete(account.userId).expect(409)).body.code).toBe(
        'WITHDRAWAL_NOT_REQUESTED',
      );
      expect((await accountRows(t, account.userId))[0].status).toBe('active');
      expect((await complete('nobody000').expect(404)).body.code).toBe('ACCOUNT_NOT_FOUND');
    });

    it('refuses renewal for a withdrawn account with 409 ACCOUNT_WITHDRAWN', async () => {
      const account = await withdrawn();
      const response = await t
        .http()
        .post(`/api/v1/admin/accounts/${account.userId}/renewal`)
        .set(support.auth)
        .expect(409);
      expect(response.body.code).toBe('ACCOUNT_WITHDRAWN');
    });
  });

  describe('afterwards the ID is dead', () => {
    it('can be registered again in no case variant, and is never available', async () => {
      const account = await withdrawn();
      for (const userId of [account.userId, account.userId.toUpperCase()]) {
        const response = await t
          .http()
          .post('/api/v1/accounts')
          .send(aRegistrationBody('individual', { userId }))
          .expect(409);
        expect(response.body.code).toBe('USER_ID_TAKEN');
      }
      const availability = await t
        .http()
        .get('/api/v1/accounts/user-id-availability')
        .query({ userId: account.userId })
        .expect(200);
      expect(availability.body).toEqual({ available: false });
      expect(await accountRows(t, account.userId)).toHaveLength(1);
    });

    it('cannot be logged into: the answer is exactly that of an unknown ID', async () => {
      const account = await withdrawn();
      const withdrawnLogin = await login(account.userId, account.password);
      const unknownLogin = await login(aUserId('ghost'), account.password);
      expect(withdrawnLogin.status).toBe(401);
      expect(withdrawnLogin.body).toEqual(unknownLogin.body);
      expect(withdrawnLogin.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('is invisible to the other contexts’ queries, like an unknown ID', async () => {
      const account = await withdrawn();
      const queries = t.app.get(QueryBus);
      expect(await queries.execute(new FindAccountForLoginQuery(account.userId))).toBeNull();
      expect(await queries.execute(new GetAccountQuery(account.accountId))).toBeNull();
      expect(await queries.execute(new FindActiveAccountsByEmailQuery(account.email))).toEqual([]);
    });
  });
});
