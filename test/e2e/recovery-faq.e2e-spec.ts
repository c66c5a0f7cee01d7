import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'supertest';
import { GetTwoFactorStatusQuery } from '../../src/modules/two-factor/public-api';
import {
  aRegisteredAccount,
  aUserId,
  deliveredEvent,
  outboxEvents,
} from '@test/support/builders/accounts';
import { authSql, bearer, logIn } from '@test/support/builders/authentication';
import {
  expireLookupPassword,
  fromNewClient,
  lookUpUserIds,
  lookupMails,
  mailedLookupPassword,
  requestLookupPassword,
  requestPasswordReissue,
} from '@test/support/builders/recovery';
import { emailHash } from '../../src/modules/recovery/domain/recovery-secrets';
import {
  enrollTwoFactor,
  lockTwoFactor,
  TwoFactorTestClock,
} from '@test/support/builders/two-factor';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

describe('recovery: user-ID lookup and password re-issue (real PostgreSQL, Redis, SMTP)', () => {
  let t: TestApp;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
        RATE_LIMIT_PER_MINUTE: '10000',
        LOGIN_RATE_LIMIT_PER_IP: '10000',
        RECOVERY_LIMIT_PER_IP: '10000',
      },
    });
    // A listening server: 20 parallel supertest calls against an unbound app reset connections.
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const anAddress = () => `${aUserId('m')}@example.jp`;

  const temporaryPasswordMails = (email: string) =>
    smtp.to(email).filter((m) => /仮パスワード|temporary password/i.test(m.subject));

  async function mailedTemporaryPassword(email: string, before: number): Promise<string> {
    const mail = await waitFor(
      () => temporaryPasswordMails(email).length > before && temporaryPasswordMails(email).at(-1),
      { what: 'the temporary password mail' },
    );
    return /(?:仮パスワード|Temporary password): ([A-Za-z0-9]+)/.exec(mail.text)?.[1] as string;
  }

  it('walks "forgot both": lookup, then re-issue, then log in with the temporary password and set a new one', async () => {
    const email = anAddress();
    const first = await aRegisteredAccount(t).withEmail(email).register();
    const second = await aRegisteredAccount(t).withEmail(email.toUpperCase()).register();

    const lookupPassword = await mailedLookupPassword(t, smtp, email);
    expect(lookupPassword).toMatch(/^[A-Za-z0-9]{12,}$/);
    const mail = lookupMails(smtp, email).at(-1);
    expect(mail?.subject).toBe('【研修ポータル】ユーザID照会用パスワードのお知らせ');
    expect(mail?.text).toMatch(/有効期限: .*\(日本時間\)/);
    expect(mail?.text).toContain(
      'ユーザID、パスワード両方ともお忘れの場合は、「ユーザID照会」でユーザIDをご確認のうえ、「パスワード再発行」の順にお手続きください。',
    );

    const { body } = await lookUpUserIds(t, email.toUpperCase(), lookupPassword).expect(200);
    expect(body).toEqual({ userIds: [first.userId, second.userId] });

    const before = temporaryPasswordMails(email).length;
    await requestPasswordReissue(t, first.userId, email).expect(202);
    const temporary = await mailedTemporaryPassword(email, before);

    const login = await logIn(t, first.userId, temporary).expect(200);
    expect(login.body.status).toBe('password_change_required');
    await t
      .http()
      .post('/api/v1/auth/password')
      .set(bearer(login.body.sessionToken))
      .send({ currentPassword: temporary, newPassword: 'Nw7kQp2Lx9zR' })
      .expect(204);
    expect((await logIn(t, first.userId, 'Nw7kQp2Lx9zR').expect(200)).body.status).toBe(
      'authenticated',
    );

    const [requested] = await outboxEvents(
      t,
      'recovery.password-reissue-requested',
      first.accountId,
    );
    expect(requested.payload).toMatchObject({ userId: first.userId, outcome: 'issued' });
    const [completed] = await outboxEvents(t, 'recovery.user-id-lookup-completed');
    expect(completed.payload).toMatchObject({ accountIds: [first.accountId, second.accountId] });
    const issued = await deliveredEvent(t, 'recovery.lookup-password-issued');
    expect(JSON.stringify(issued?.payload)).not.toContain(lookupPassword);
    expect(issued?.secrets).toBeNull();
  });

  it('mails in English to an account whose language is English', async () => {
    const email = anAddress();
    await aRegisteredAccount(t).withEmail(email).withLanguage('en').register();
    await mailedLookupPassword(t, smtp, email);
    const mail = lookupMails(smtp, email).at(-1);
    expect(mail?.subject).toBe('[Training Portal] Your user ID lookup password');
    expect(mail?.text).toContain('look up the user ID first, then use "password re-issue"');
  });

  it('returns the IDs exactly once to 20 parallel uses of one lookup password', async () => {
    const email = anAddress();
    const account = await aRegisteredAccount(t).withEmail(email).register();
    const lookupPassword = await mailedLookupPassword(t, smtp, email);

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => lookUpUserIds(t, email, lookupPassword)),
    );
    const succeeded = responses.filter((r) => r.status === 200);
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0].body).toEqual({ userIds: [account.userId] });
    expect(
      responses
        .filter((r) => r.status !== 200)
        .every((r) => r.status === 401 && r.body.code === 'INVALID_LOOKUP_PASSWORD'),
    ).toBe(true);
    expect(
      await outboxEvents(t, 'recovery.user-id-lookup-completed', account.accountId),
    ).toHaveLength(1);
  });

  it('voids the older lookup password when a new one is issued', async () => {
    const email = anAddress();
    const account = await aRegisteredAccount(t).withEmail(email).register();
    const older = await mailedLookupPassword(t, smtp, email);
    const newer = await mailedLookupPassword(t, smtp, email);
    expect(newer).not.toBe(older);

    expect((await lookUpUserIds(t, email, older).expect(401)).body.code).toBe(
      'INVALID_LOOKUP_PASSWORD',
    );
    expect((await lookUpUserIds(t, email, newer).expect(200)).body.userIds).toEqual([
      account.userId,
    ]);
  });

  it('voids the lookup password after 5 wrong tries', async () => {
    const email = anAddress();
    await aRegisteredAccount(t).withEmail(email).register();
    const lookupPassword = await mailedLookupPassword(t, smtp, email);

    for (let i = 0; i < 5; i += 1) await lookUpUserIds(t, email, 'Wrong2345678').expect(401);
    await lookUpUserIds(t, email, lookupPassword).expect(401);

    const failures = (await outboxEvents(t, 'recovery.user-id-lookup-failed')).filter(
      (e) => e.payload.emailHash === emailHash(email),
    );
    expect(failures.at(-1)?.payload).toMatchObject({ reason: 'voided', failedAttempts: 5 });
  });

  it('refuses a lookup password once it has expired', async () => {
    const email = anAddress();
    await aRegisteredAccount(t).withEmail(email).register();
    const lookupPassword = await mailedLookupPassword(t, smtp, email);
    await expireLookupPassword(t, email);
    expect((await lookUpUserIds(t, email, lookupPassword).expect(401)).body.code).toBe(
      'INVALID_LOOKUP_PASSWORD',
    );
  });

  /** What a client can observe, minus the per-request id and the date. */
  const observable = (response: Response) => {
    const headers: Record<string, unknown> = { ...response.headers };
    delete headers['x-request-id'];
    delete headers.date;
    return { status: response.status, headers, body: response.text };
  };

  it('answers the lookup-password request identically for a registered and an unknown address', async () => {
    const registered = anAddress();
    await aRegisteredAccount(t).withEmail(registered).register();
    const unknown = anAddress();

    const forRegistered = await requestLookupPassword(t, registered, fromNewClient());
    const forUnknown = await requestLookupPassword(t, unknown, fromNewClient());
    expect(forRegistered.status).toBe(202);
    expect(observable(forUnknown)).toEqual(observable(forRegistered));

    await waitFor(() => lookupMails(smtp, registered).length > 0, { what: 'the lookup mail' });
    expect(smtp.to(unknown)).toHaveLength(0);
    const requests = await outboxEvents(t, 'recovery.user-id-lookup-requested');
    expect(JSON.stringify(requests.map((e) => e.payload))).not.toContain(unknown);
  });

  it('answers the re-issue request identically for a real, a mismatched and an unknown user ID', async () => {
    const email = anAddress();
    const account = await aRegisteredAccount(t).withEmail(email).register();
    const before = temporaryPasswordMails(email).length;

    const real = await requestPasswordReissue(t, account.userId, email, fromNewClient());
    const mismatched = await requestPasswordReissue(
      t,
      account.userId,
      anAddress(),
      fromNewClient(),
    );
    const wrongCase = await requestPasswordReissue(
      t,
      account.userId.toUpperCase(),
      email,
      fromNewClient(),
    );
    const unknown = await requestPasswordReissue(t, aUserId(), email, fromNewClient());
    expect(real.status).toBe(202);
    for (const other of [mismatched, wrongCase, unknown])
      expect(observable(other)).toEqual(observable(real));

    await mailedTemporaryPassword(email, before);
    const outcomes = (await outboxEvents(t, 'recovery.password-reissue-requested')).map(
      (e) => e.payload.outcome,
    );
    expect(outcomes).toEqual(
      expect.arrayContaining(['issued', 'email_mismatch', 'unknown_user_id']),
    );
    expect(temporaryPasswordMails(email)).toHaveLength(before + 1);
  });

  it('answers 429 TOO_MANY_ATTEMPTS after 5 requests for one address and for one user ID', async () => {
    const email = anAddress();
    const account = await aRegisteredAccount(t).withEmail(email).register();
    for (let i = 0; i < 5; i += 1) await requestLookupPassword(t, email).expect(202);
    expect((await requestLookupPassword(t, email).expect(429)).body.code).toBe('TOO_MANY_ATTEMPTS');

    for (let i = 0; i < 5; i += 1)
      await requestPasswordReissue(t, account.userId, anAddress()).expect(202);
    expect(
      (await requestPasswordReissue(t, account.userId, anAddress()).expect(429)).body.code,
    ).toBe('TOO_MANY_ATTEMPTS');

    const limited = (await outboxEvents(t, 'recovery.rate-limited')).map((e) => e.payload);
    expect(limited).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ flow: 'lookup_password_request', limits: ['address'] }),
        expect.objectContaining({ flow: 'password_reissue', limits: ['user_id'] }),
      ]),
    );
  });
  it('keeps one lookup password per address under 20 parallel requests; only one of those mailed works', async () => {
    const email = anAddress();
    const account = await aRegisteredAccount(t).withEmail(email).register();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => requestLookupPassword(t, email, fromNewClient())),
    );
    // The address limit (5) lets exactly five through to issue a password, in parallel.
    expect(responses.filter((r) => r.status === 202)).toHaveLength(5);
    expect(responses.filter((r) => r.status === 429)).toHaveLength(15);
    const issued = await waitFor(
      async () => {
        const events = await outboxEvents(t, 'recovery.lookup-password-issued', account.accountId);
        return lookupMails(smtp, email).length === events.length && events.length === 5 && events;
      },
      { what: 'five lookup mails' },
    );
    expect(issued).toHaveLength(5);
    const passwords = lookupMails(smtp, email).map(
      (m) => /照会用パスワード: ([A-Za-z0-9]+)/.exec(m.text)?.[1] as string,
    );
    const results = [];
    for (const password of passwords)
      results.push((await lookUpUserIds(t, email, password)).status);
    expect(results.filter((status) => status === 200)).toHaveLength(1);
  });

  it('issues no temporary password for a two-factor-locked account, with the same answer', async () => {
    const clock = new TwoFactorTestClock(t);
    const email = anAddress();
    const account = await aRegisteredAccount(t).withEmail(email).register();
    const { secret } = await enrollTwoFactor(t, clock, account);
    await lockTwoFactor(t, clock, account, secret);
    expect(
      (await t.app.get(QueryBus).execute(new GetTwoFactorStatusQuery(account.accountId))).locked,
    ).toBe(true);

    const locked = await requestPasswordReissue(t, account.userId, email, fromNewClient());
    const unknown = await requestPasswordReissue(t, aUserId(), email, fromNewClient());
    expect(locked.status).toBe(202);
    expect(observable(locked)).toEqual(observable(unknown));
    const [requested] = await outboxEvents(
      t,
      'recovery.password-reissue-requested',
      account.accountId,
    );
    expect(requested.payload.outcome).toBe('two_factor_locked');
    expect(
      await outboxEvents(t, 'authentication.temporary-password-issued', account.accountId),
    ).toHaveLength(0);
  });
  it('re-issued over HTTP: the newer temporary password voids the older, works for exactly one of 20 parallel logins, and expires', async () => {
    const email = anAddress();
    const account = await aRegisteredAccount(t).withEmail(email).register();
    const reissue = async () => {
      const before = temporaryPasswordMails(email).length;
      await requestPasswordReissue(t, account.userId, email).expect(202);
      return mailedTemporaryPassword(email, before);
    };

    const older = await reissue();
    const newer = await reissue();
    await logIn(t, account.userId, older).expect(401);
    await logIn(t, account.userId, account.password).expect(200);

    const logins = await Promise.all(
      Array.from({ length: 20 }, () => logIn(t, account.userId, newer)),
    );
    expect(logins.filter((r) => r.status === 200)).toHaveLength(1);

    const expiring = await reissue();
    // The temporary password is authentication's: its expiry is moved through that context's table.
    await authSql(
      t,
      `update "authentication"."credential" set "temporary_password_expires_at" = now() - interval '1 second' where "account_id" = ?`,
      [account.accountId],
    );
    await logIn(t, account.userId, expiring).expect(401);
  });
});
