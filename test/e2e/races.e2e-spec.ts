import { CommandBus } from '@nestjs/cqrs';
import { IssueTemporaryPasswordCommand } from '../../src/modules/accounts/public-api';
import {
  accountRows,
  aRegisteredAccount,
  aRegistrationBody,
  aStaffMember,
  aUserId,
  outboxEvents,
} from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import { authSql, logIn } from '@test/support/builders/authentication';
import { aGroupWithAdministrator, aMemberOf, GROUPS } from '@test/support/builders/groups';
import { lookUpUserIds, mailedLookupPassword } from '@test/support/builders/recovery';
import { aWrongCode, enrollTwoFactor, TwoFactorTestClock } from '@test/support/builders/two-factor';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

/**
 * Every race the platform must win, in one place (issue 18): each case fires at least 20 requests
 * at once over HTTP against one app, and checks the outcome against the database, not the clock.
 * Several of them are also covered next to their feature (the specs named per case); this file is
 * the list.
 */
const API = '/api/v1';
const PARALLEL = 20;
/** The default per-ID login limit (authentication-settings). */
const LOGIN_LIMIT = 10;
/** High enough that the 19 refused replays of one code (which count as failures) lock nothing. */
const TWO_FACTOR_LIMIT = 25;

const times = <T>(n: number, make: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => make(i)));
const statuses = (responses: Array<{ status: number }>) => responses.map((r) => r.status);
const countOf = (values: number[], value: number) => values.filter((v) => v === value).length;

describe('races: parallel requests over HTTP (real PostgreSQL, Redis, SMTP)', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let clock: TwoFactorTestClock;
  let support: LoggedInAccount;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
        RATE_LIMIT_PER_MINUTE: '100000',
        LOGIN_RATE_LIMIT_PER_IP: '100000',
        RECOVERY_LIMIT_PER_IP: '100000',
        TWO_FACTOR_MAX_FAILURES: String(TWO_FACTOR_LIMIT),
      },
    });
    clock = new TwoFactorTestClock(t);
    support = await aStaffMember(t, 'support').loggedIn();
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const secondStep = (challengeToken: string, code: string) =>
    t.http().post(`${API}/auth/login/two-factor`).send({ challengeToken, code });

  async function challengeFor(userId: string, password: string): Promise<string> {
    const res = await logIn(t, userId, password).expect(200);
    expect(res.body.status).toBe('two_factor_required');
    return res.body.challengeToken as string;
  }

  async function enrolledUser() {
    const account = await aRegisteredAccount(t).loggedIn();
    return { ...account, ...(await enrollTwoFactor(t, clock, account)) };
  }

  it(`evaluates no more than ${LOGIN_LIMIT} of 30 parallel wrong passwords (authentication-throttling)`, async () => {
    const victim = await aRegisteredAccount(t).register();
    const responses = await times(30, (i) => logIn(t, victim.userId, `Wrong${i}x9q`));

    expect(countOf(statuses(responses), 401)).toBe(LOGIN_LIMIT);
    expect(countOf(statuses(responses), 429)).toBe(30 - LOGIN_LIMIT);
    expect(await outboxEvents(t, 'authentication.login-failed', victim.accountId)).toHaveLength(
      LOGIN_LIMIT,
    );
  });

  it(`evaluates no more than ${TWO_FACTOR_LIMIT} of 40 parallel wrong TOTP codes (two-factor-concurrency)`, async () => {
    const user = await enrolledUser();
    const challenge = await challengeFor(user.userId, user.password);
    const wrong = aWrongCode(clock, user.secret);

    const responses = await times(40, () => secondStep(challenge, wrong));

    expect(countOf(statuses(responses), 401)).toBe(TWO_FACTOR_LIMIT - 1);
    expect(countOf(statuses(responses), 423)).toBe(40 - (TWO_FACTOR_LIMIT - 1));
    expect(await outboxEvents(t, 'two-factor.verification-failed', user.accountId)).toHaveLength(
      TWO_FACTOR_LIMIT,
    );
    expect(await outboxEvents(t, 'two-factor.locked', user.accountId)).toHaveLength(1);
  });

  it('accepts one temporary password once (authentication-temporary-password)', async () => {
    const account = await aRegisteredAccount(t).register();
    await t.app.get(CommandBus).execute(
      new IssueTemporaryPasswordCommand({
        accountId: account.accountId,
        userId: account.userId,
        email: account.email,
        language: 'ja',
        reason: 'reissue',
      }),
    );
    const mail = await smtp.waitForMail(
      (m) => m.to.includes(account.email) && /仮パスワード/.test(m.subject),
    );
    const temporary = /仮パスワード: ([A-Za-z0-9]+)/.exec(mail.text)?.[1] as string;

    const responses = await times(PARALLEL, () => logIn(t, account.userId, temporary));

    expect(countOf(statuses(responses), 200)).toBe(1);
    expect(countOf(statuses(responses), 401)).toBe(PARALLEL - 1);
    expect(await outboxEvents(t, 'authentication.login-succeeded', account.accountId)).toHaveLength(
      1,
    );
  });

  it('accepts one lookup password once (recovery-faq)', async () => {
    const email = `${aUserId('lk')}@example.jp`;
    const account = await aRegisteredAccount(t).withEmail(email).register();
    const lookupPassword = await mailedLookupPassword(t, smtp, email);

    const responses = await times(PARALLEL, () => lookUpUserIds(t, email, lookupPassword));

    expect(countOf(statuses(responses), 200)).toBe(1);
    expect(countOf(statuses(responses), 401)).toBe(PARALLEL - 1);
    expect(
      await outboxEvents(t, 'recovery.user-id-lookup-completed', account.accountId),
    ).toHaveLength(1);
  });

  it('accepts one challenge token once, even with 20 different valid codes', async () => {
    // Ten recovery codes and ten copies of the current TOTP code: each would pass on its own, so
    // only the challenge's single use keeps this to one session.
    const user = await enrolledUser();
    const challenge = await challengeFor(user.userId, user.password);
    const code = clock.codeFor(user.secret);
    const codes = [...user.recoveryCodes, ...Array<string>(PARALLEL - 10).fill(code)];
    expect(codes).toHaveLength(PARALLEL);

    const responses = await times(PARALLEL, (i) => secondStep(challenge, codes[i]));

    expect(countOf(statuses(responses), 200)).toBe(1);
    expect(countOf(statuses(responses), 401)).toBe(PARALLEL - 1);
    const sessions = await authSql(
      t,
      'select 1 from "authentication"."session" where "account_id" = ? and "scope" = \'full\'',
      [user.accountId],
    );
    // The builder's session, and the one login that won.
    expect(sessions).toHaveLength(2);
    clock.nextStep();
  });

  it('accepts one TOTP code once, across requests that do not share a challenge', async () => {
    const user = await enrolledUser();
    const code = clock.codeFor(user.secret);

    const responses = await times(PARALLEL, () =>
      t
        .http()
        .post(`${API}/me/two-factor/recovery-codes`)
        .set(user.auth)
        .send({ password: user.password, code }),
    );

    expect(countOf(statuses(responses), 200)).toBe(1);
    expect(countOf(statuses(responses), 401)).toBe(PARALLEL - 1);
    expect(
      (await outboxEvents(t, 'two-factor.verification-failed', user.accountId)).map(
        (e) => e.payload.reason,
      ),
    ).toEqual(Array(PARALLEL - 1).fill('reused_code'));
    clock.nextStep();
  });

  it('registers one user ID once: 20 case variants give one 201 and 19 × 409 USER_ID_TAKEN (accounts-registration)', async () => {
    const base = `racers${aUserId('').slice(0, 8)}`;
    const variants = Array.from({ length: PARALLEL }, (_, i) =>
      [...base].map((c, j) => ((i >> j) & 1 ? c.toUpperCase() : c)).join(''),
    );
    expect(new Set(variants).size).toBe(PARALLEL);

    const responses = await times(PARALLEL, (i) =>
      t
        .http()
        .post(`${API}/accounts`)
        .send(aRegistrationBody('individual', { userId: variants[i] })),
    );

    expect(countOf(statuses(responses), 201)).toBe(1);
    expect(
      responses.filter((r) => r.status === 409 && r.body.code === 'USER_ID_TAKEN'),
    ).toHaveLength(PARALLEL - 1);
    const rows = await accountRows(t, base);
    expect(rows).toHaveLength(1);
    expect(await outboxEvents(t, 'accounts.account-registered', rows[0].id as string)).toHaveLength(
      1,
    );
  });

  it('keeps the last group administrator through 20 parallel step-downs (groups-members)', async () => {
    const first = await aGroupWithAdministrator(t);
    const second = await aMemberOf(t, smtp, first);
    await t
      .http()
      .put(`${GROUPS}/members/${second.userId}/administrator`)
      .set(first.auth)
      .expect(204);

    const responses = await times(PARALLEL, (i) =>
      t
        .http()
        .delete(`${GROUPS}/administrator`)
        .set((i % 2 === 0 ? first : second).auth),
    );

    expect(countOf(statuses(responses), 204)).toBe(1);
    expect(responses.every((r) => [204, 403, 409].includes(r.status))).toBe(true);
    const administrators = await authSql(
      t,
      'select "account_id" from "groups"."membership" where "group_id" = ? and "is_administrator"',
      [first.groupId],
    );
    expect(administrators).toHaveLength(1);
  });

  it('completes a withdrawal once when support sends it 20 times at once (accounts-withdrawal)', async () => {
    const account = await aRegisteredAccount(t).loggedIn();
    await t
      .http()
      .post(`${API}/me/withdrawal`)
      .set(account.auth)
      .send({ password: account.password })
      .expect(202);

    const responses = await times(PARALLEL, () =>
      t.http().post(`${API}/admin/withdrawals/${account.userId}/complete`).set(support.auth),
    );

    expect(countOf(statuses(responses), 200)).toBe(1);
    expect(countOf(statuses(responses), 409)).toBe(PARALLEL - 1);
    expect(await outboxEvents(t, 'accounts.account-withdrawn', account.accountId)).toHaveLength(1);
  });

  it('ends two-factor switched on and off in parallel in one consistent state', async () => {
    const user = await enrolledUser();
    const code = clock.codeFor(user.secret);
    const put = (body: Record<string, unknown>) =>
      t.http().put(`${API}/me/two-factor`).set(user.auth).send(body);

    const responses = await times(PARALLEL, (i) =>
      i % 2 === 0
        ? put({ enabled: true, password: user.password })
        : put({ enabled: false, password: user.password, code }),
    );
    const on = responses.filter((_, i) => i % 2 === 0);
    const off = responses.filter((_, i) => i % 2 === 1);

    expect(on.every((r) => r.status === 200)).toBe(true);
    // Off needs the code only while enrolled: the first off that wins ends the enrolment, and later
    // ones switch off what an interleaved "on" switched on. Nothing fails for any other reason.
    expect(off.every((r) => r.status === 200 || r.status === 401)).toBe(true);
    expect(countOf(statuses(off), 200)).toBeGreaterThanOrEqual(1);
    expect(
      (await outboxEvents(t, 'two-factor.verification-failed', user.accountId)).map(
        (e) => e.payload.reason,
      ),
    ).toEqual(Array(countOf(statuses(off), 401)).fill('reused_code'));

    const [row] = await authSql<{ enabled: boolean; encrypted_secret: string | null }>(
      t,
      'select "enabled", "encrypted_secret" from "two_factor"."account" where "account_id" = ?',
      [user.accountId],
    );
    const [{ unused }] = await authSql<{ unused: string }>(
      t,
      'select count(*) as "unused" from "two_factor"."recovery_code" where "account_id" = ? and "used_at" is null',
      [user.accountId],
    );
    const status = (await t.http().get(`${API}/me/two-factor`).set(user.auth).expect(200)).body;
    expect(status).toMatchObject({
      enabled: row.enabled,
      enrolled: row.encrypted_secret !== null,
      recoveryCodesRemaining: Number(unused),
    });
    // No half state: switched off means the secret and every recovery code are gone.
    expect(row.encrypted_secret).toBeNull();
    expect(Number(unused)).toBe(0);
    clock.nextStep();
  });
});
