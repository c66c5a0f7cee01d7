import { CommandBus } from '@nestjs/cqrs';
import { IssueTemporaryPasswordCommand } from '../../src/modules/accounts/public-api';
import {
  PROFILES,
  aRegisteredAccount,
  aStaffMember,
  deliveredEvent,
  outboxEvents,
} from '@test/support/builders/accounts';
import type { RegisteredAccount } from '@test/support/builders/accounts';
import { authSql, bearer, logIn } from '@test/support/builders/authentication';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

describe('temporary passwords (real PostgreSQL, Redis, SMTP)', () => {
  let t: TestApp;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, LOGIN_RATE_LIMIT_PER_IP: '10000', RATE_LIMIT_PER_MINUTE: '10000' },
    });
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const temporaryPasswordIn = (text: string) =>
    /(?:仮パスワード|Temporary password): ([A-Za-z0-9]+)/.exec(text)?.[1] as string;

  const temporaryPasswordMails = (email: string) =>
    smtp.to(email).filter((m) => /仮パスワード|temporary password/i.test(m.subject));

  async function reissue(account: RegisteredAccount): Promise<string> {
    const before = temporaryPasswordMails(account.email).length;
    await t.app.get(CommandBus).execute(
      new IssueTemporaryPasswordCommand({
        accountId: account.accountId,
        userId: account.userId,
        email: account.email,
        language: 'ja',
        reason: 'reissue',
      }),
    );
    const mail = await waitFor(
      () =>
        temporaryPasswordMails(account.email).length > before &&
        temporaryPasswordMails(account.email).at(-1),
      { what: 'the temporary password mail' },
    );
    return temporaryPasswordIn(mail.text);
  }

  it('mails a customer registered by staff the ID, a temporary password, its expiry and the first-login rule', async () => {
    const support = await aStaffMember(t, 'support').loggedIn();
    const email = `paper${Date.now()}@example.jp`;
    const { body } = await t
      .http()
      .post('/api/v1/admin/accounts')
      .set(support.auth)
      .send({ type: 'individual', email, profile: PROFILES.individual })
      .expect(201);
    const mail = await smtp.waitForMail(
      (m) => m.to.includes(email) && m.subject.includes('仮パスワード'),
    );
    expect(mail.text).toContain(`ユーザID: ${body.userId}`);
    expect(mail.text).toMatch(/仮パスワードの有効期限: .*\(日本時間\)/);
    expect(mail.text).toContain('初回ログイン時に、新しいパスワードを設定してください');
    const temporary = temporaryPasswordIn(mail.text);
    expect(temporary).toMatch(/^[A-Za-z0-9]{16}$/);

    const event = await deliveredEvent(t, 'authentication.temporary-password-issued');
    expect(event?.payload).toMatchObject({ userId: body.userId, reason: 'staff_registration' });
    expect(JSON.stringify(event?.payload)).not.toContain(temporary);
    expect(event?.secrets).toBeNull(); // erased from the outbox once the mail consumer acknowledged

    const login = await logIn(t, body.userId, temporary).expect(200);
    expect(login.body).toMatchObject({
      status: 'password_change_required',
      sessionToken: expect.any(String),
    });
  });

  it('opens a session that can do nothing but change the password; the change makes it a full session', async () => {
    const account = await aRegisteredAccount(t).register();
    const temporary = await reissue(account);
    const { body } = await logIn(t, account.userId, temporary).expect(200);
    const restricted = bearer(body.sessionToken);

    expect(
      (await t.http().get('/api/v1/auth/sessions').set(restricted).expect(403)).body.code,
    ).toBe('PASSWORD_CHANGE_REQUIRED');
    await t.http().get('/api/v1/me').set(restricted).expect(403);
    await t.http().post('/api/v1/auth/logout').set(restricted).expect(403);
    await t.http().get(`/api/v1/admin/accounts`).set(restricted).expect(403);

    await t
      .http()
      .post('/api/v1/auth/password')
      .set(restricted)
      .send({ currentPassword: temporary, newPassword: 'Nw7kQp2Lx9zR' })
      .expect(204);
    await t.http().get('/api/v1/auth/sessions').set(restricted).expect(200);
    await logIn(t, account.userId, temporary).expect(401);
    await logIn(t, account.userId, account.password).expect(401);
    await logIn(t, account.userId, 'Nw7kQp2Lx9zR').expect(200);
  });

  it('is single use: of 20 parallel logins with it exactly one succeeds', async () => {
    const account = await aRegisteredAccount(t).register();
    const temporary = await reissue(account);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => logIn(t, account.userId, temporary)),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(
      responses.filter((r) => r.status !== 200).every((r) => r.status === 401 || r.status === 429),
    ).toBe(true);
    expect(await outboxEvents(t, 'authentication.login-succeeded', account.accountId)).toHaveLength(
      1,
    );
  });

  it('leaves the current password working, and a newer one voids the older', async () => {
    const account = await aRegisteredAccount(t).register();
    const older = await reissue(account);
    const newer = await reissue(account);
    expect(newer).not.toBe(older);
    await logIn(t, account.userId, account.password).expect(200);
    await logIn(t, account.userId, older).expect(401);
    expect((await logIn(t, account.userId, newer).expect(200)).body.status).toBe(
      'password_change_required',
    );
  });

  it('expires: an expired temporary password opens nothing', async () => {
    const account = await aRegisteredAccount(t).register();
    const temporary = await reissue(account);
    await authSql(
      t,
      `update "authentication"."credential" set "temporary_password_expires_at" = now() - interval '1 second' where "account_id" = ?`,
      [account.accountId],
    );
    await logIn(t, account.userId, temporary).expect(401);
  });

  it('mails a re-issued one with the FAQ guidance, valid for 30 minutes', async () => {
    const account = await aRegisteredAccount(t).register();
    await reissue(account);
    const mail = temporaryPasswordMails(account.email).at(-1)!;
    expect(mail.subject).toContain('仮パスワード発行のお知らせ');
    expect(mail.text).toContain('「ユーザID照会」、「パスワード再発行」の順');
    expect(mail.text).toContain('現在のパスワードは引き続きご利用いただけます');
    const [row] = await authSql<{ minutes: number }>(
      t,
      `select round(extract(epoch from "temporary_password_expires_at" - now()) / 60)::int as "minutes" from "authentication"."credential" where "account_id" = ?`,
      [account.accountId],
    );
    expect(row.minutes).toBe(30);
  });
});
