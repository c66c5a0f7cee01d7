import type { Response, Test } from 'supertest';
import {
  aPassword,
  aRegisteredAccount,
  aStaffMember,
  PROFILES,
  requestWithdrawal,
} from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import { authSql, logIn } from '@test/support/builders/authentication';
import {
  aGroupWithAdministrator,
  aMemberBody,
  aMemberOf,
  GROUPS,
} from '@test/support/builders/groups';
import type { GroupAdministrator } from '@test/support/builders/groups';
import { aWrongCode, enrollTwoFactor, TwoFactorTestClock } from '@test/support/builders/two-factor';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

const PARALLEL = 20;

/**
 * Bursts of parallel writes on every endpoint whose use case runs another context's use case or
 * query inside its transaction. The pool has 10 connections; a request that holds one while it
 * waits for a second (a nested read forking its own entity manager) used to freeze the whole
 * instance for the 60 s acquire timeout once ten of them queued on one row lock (ADR 0006). Now
 * such a request fails at once, so any regression shows here as a 500, not as a slow test.
 *
 * A bystander's `GET /me`, sent while each burst is in flight, must be served as usual.
 */
describe('parallel bursts never starve the connection pool', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let bystander: LoggedInAccount;
  let clock: TwoFactorTestClock;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
        RATE_LIMIT_PER_MINUTE: '100000',
        LOGIN_RATE_LIMIT_PER_IP: '100000',
      },
    });
    bystander = await aRegisteredAccount(t).loggedIn();
    clock = new TwoFactorTestClock(t);
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /**
   * Sends `PARALLEL` requests at once and, while they are in flight, the bystander's `GET /me`.
   * Answers as `"status"` or `"status CODE"`.
   */
  async function burst(send: (i: number) => Test): Promise<string[]> {
    const requests = Array.from({ length: PARALLEL }, (_, i) => send(i).then((r: Response) => r));
    const me = await t.http().get('/api/v1/me').set(bystander.auth);
    const responses = await Promise.all(requests);
    expect(me.status).toBe(200);
    const failures = responses.filter((r) => r.status >= 500).map((r) => r.body as unknown);
    expect(failures).toEqual([]);
    return responses.map((r) => {
      const code = (r.body as { code?: string } | undefined)?.code;
      return code ? `${r.status} ${code}` : String(r.status);
    });
  }

  const count = (answers: string[], answer: string) => answers.filter((a) => a === answer).length;
  const tally = (answers: string[]) =>
    Object.fromEntries([...new Set(answers)].sort().map((a) => [a, count(answers, a)]));
  const all = (answer: string) => ({ [answer]: PARALLEL });
  /** Every answer is one of `allowed`, and each of `required` came at least once. */
  const expectOnly = (answers: string[], allowed: string[], required = allowed.slice(0, 1)) => {
    expect([...new Set(answers)].filter((a) => !allowed.includes(a))).toEqual([]);
    for (const answer of required) expect(answers).toContain(answer);
  };

  describe('groups: the member-management screen', () => {
    let admin: GroupAdministrator;
    let member: LoggedInAccount;

    beforeEach(async () => {
      admin = await aGroupWithAdministrator(t);
      member = await aMemberOf(t, smtp, admin);
    });

    it('DELETE /groups/mine/administrator: 10 by each of the two administrators leave exactly one', async () => {
      await t
        .http()
        .put(`${GROUPS}/members/${member.userId}/administrator`)
        .set(admin.auth)
        .expect(204);
      const statuses = await burst((i) =>
        t
          .http()
          .delete(`${GROUPS}/administrator`)
          .set((i % 2 === 0 ? admin : member).auth),
      );
      expect(count(statuses, '204')).toBe(1);
      expectOnly(statuses, ['204', '409 LAST_ADMINISTRATOR', '403 NOT_GROUP_ADMINISTRATOR']);
      const administrators = await authSql(
        t,
        'select 1 from "groups"."membership" where "group_id" = ? and "is_administrator"',
        [admin.groupId],
      );
      expect(administrators).toHaveLength(1);
    });

    it('PATCH /groups/mine/members/{userId}: every change applies', async () => {
      const statuses = await burst((i) =>
        t
          .http()
          .patch(`${GROUPS}/members/${member.userId}`)
          .set(admin.auth)
          .send({ profile: { name: `田中 ${i}郎` } }),
      );
      expect(tally(statuses)).toEqual(all('204'));
    });

    it('PUT /groups/mine/members/{userId}/two-factor: every request succeeds', async () => {
      const statuses = await burst(() =>
        t
          .http()
          .put(`${GROUPS}/members/${member.userId}/two-factor`)
          .set(admin.auth)
          .send({ required: true }),
      );
      expect(tally(statuses)).toEqual(all('204'));
    });

    it('PUT /groups/mine/members/{userId}/administrator: every request succeeds', async () => {
      const statuses = await burst(() =>
        t.http().put(`${GROUPS}/members/${member.userId}/administrator`).set(admin.auth),
      );
      expect(tally(statuses)).toEqual(all('204'));
    });

    it('POST /groups/mine/members: distinct members all registered, one ID taken once', async () => {
      const distinct = await burst(() =>
        t.http().post(`${GROUPS}/members`).set(admin.auth).send(aMemberBody()),
      );
      expect(tally(distinct)).toEqual(all('201'));
      const same = aMemberBody();
      const racing = await burst((i) =>
        t
          .http()
          .post(`${GROUPS}/members`)
          .set(admin.auth)
          .send({ ...same, email: `${i}${same.email}` }),
      );
      expect(tally(racing)).toEqual({ '201': 1, '409 USER_ID_TAKEN': PARALLEL - 1 });
    });

    it('DELETE /groups/mine/members/{userId}: withdrawn once', async () => {
      const statuses = await burst(() =>
        t.http().delete(`${GROUPS}/members/${member.userId}`).set(admin.auth),
      );
      expect(count(statuses, '204')).toBe(1);
      // Until the withdrawal's reaction removes the membership, the member is still listed.
      expectOnly(statuses, ['204', '404 MEMBER_NOT_FOUND', '409 ACCOUNT_WITHDRAWN']);
    });

    it('PUT /admin/groups/{id}/administrators/{userId}: the role moves, repeats change nothing', async () => {
      const support = await aStaffMember(t, 'support').loggedIn();
      const statuses = await burst(() =>
        t
          .http()
          .put(`/api/v1/admin/groups/${admin.groupId}/administrators/${member.userId}`)
          .set(support.auth),
      );
      expect(tally(statuses)).toEqual(all('200'));
    });
  });

  describe('other use cases that run another context’s', () => {
    it('POST /auth/login (authentication → accounts, two-factor): all right passwords log in', async () => {
      const account = await aRegisteredAccount(t).register();
      const statuses = await burst(() => logIn(t, account.userId, account.password));
      expect(tally(statuses)).toEqual(all('200'));
    });

    it('POST /auth/login/two-factor (authentication → two-factor, accounts): one code opens one session', async () => {
      const account = await aRegisteredAccount(t).register();
      const { secret } = await enrollTwoFactor(t, clock, account);
      const challenge = await logIn(t, account.userId, account.password).expect(200);
      expect(challenge.body.status).toBe('two_factor_required');
      const code = clock.codeFor(secret);
      const statuses = await burst(() =>
        t
          .http()
          .post('/api/v1/auth/login/two-factor')
          .send({ challengeToken: challenge.body.challengeToken as string, code }),
      );
      expect(count(statuses, '200')).toBe(1);
      expectOnly(statuses, ['200', '401 CHALLENGE_EXPIRED', '401 INVALID_TWO_FACTOR_CODE']);
    });

    it('POST /auth/password (authentication → accounts): changed once, and the owner is not locked out', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      const newPassword = aPassword();
      const statuses = await burst(() =>
        t
          .http()
          .post('/api/v1/auth/password')
          .set(account.auth)
          .send({ currentPassword: account.password, newPassword }),
      );
      expect(tally(statuses)).toEqual({ '204': 1, '401 INVALID_CREDENTIALS': PARALLEL - 1 });
      // The losers knew the password that was current when they arrived: none counts as a guess.
      const [budget] = await authSql<{ consecutive_failures: number }>(
        t,
        'select "consecutive_failures" from "authentication"."login_throttle" where "login_key" = ?',
        [account.userId.toLowerCase()],
      );
      expect(budget?.consecutive_failures ?? 0).toBe(0);
      await logIn(t, account.userId, newPassword).expect(200);
    });

    it('PATCH /me with a new e-mail (accounts → authentication password check)', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      const statuses = await burst((i) =>
        t
          .http()
          .patch('/api/v1/me')
          .set(account.auth)
          .send({ email: `new${i}-${account.email}`, password: account.password }),
      );
      // The password check allows ACCOUNT_PASSWORD_CHECKS_PER_HOUR (10) checks per account.
      expectOnly(statuses, ['200', '429 TOO_MANY_ATTEMPTS']);
    });

    it('POST /me/withdrawal (accounts → authentication password check): requested once', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      const statuses = await burst(() =>
        t
          .http()
          .post('/api/v1/me/withdrawal')
          .set(account.auth)
          .send({ password: account.password }),
      );
      expect(count(statuses, '202')).toBe(1);
      // The password check allows ACCOUNT_PASSWORD_CHECKS_PER_HOUR (10) checks per account.
      expectOnly(statuses, ['202', '409 WITHDRAWAL_ALREADY_REQUESTED', '429 TOO_MANY_ATTEMPTS']);
    });

    it('PUT /me/two-factor (two-factor → authentication password check)', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      const statuses = await burst(() =>
        t
          .http()
          .put('/api/v1/me/two-factor')
          .set(account.auth)
          .send({ enabled: true, password: account.password }),
      );
      expectOnly(statuses, ['200', '429 TOO_MANY_ATTEMPTS']);
    });

    it('POST /recovery/password and /recovery/user-id/lookup-password (recovery → accounts, authentication)', async () => {
      const account = await aRegisteredAccount(t).register();
      const reissue = await burst(() =>
        t
          .http()
          .post('/api/v1/recovery/password')
          .send({ userId: account.userId, email: account.email }),
      );
      expectOnly(reissue, ['202', '429 TOO_MANY_ATTEMPTS']);
      const lookup = await burst(() =>
        t.http().post('/api/v1/recovery/user-id/lookup-password').send({ email: account.email }),
      );
      expectOnly(lookup, ['202', '429 TOO_MANY_ATTEMPTS']);
    });

    describe('support', () => {
      let support: LoggedInAccount;

      beforeAll(async () => {
        support = await aStaffMember(t, 'admin').loggedIn();
      });

      it('POST /admin/accounts (accounts → authentication temporary password): all registered', async () => {
        const statuses = await burst((i) =>
          t
            .http()
            .post('/api/v1/admin/accounts')
            .set(support.auth)
            .send({
              type: 'individual',
              email: `paper${i}-${Date.now()}@example.jp`,
              profile: PROFILES.individual,
            }),
        );
        expect(tally(statuses)).toEqual(all('201'));
      });

      it('POST /admin/withdrawals/{userId}/complete (accounts → every context’s reaction): completed once', async () => {
        const account = await aRegisteredAccount(t).loggedIn();
        await requestWithdrawal(t, account);
        const statuses = await burst(() =>
          t.http().post(`/api/v1/admin/withdrawals/${account.userId}/complete`).set(support.auth),
        );
        expect(count(statuses, '200')).toBe(1);
        expectOnly(statuses, ['200', '409 ACCOUNT_WITHDRAWN']);
      });

      it('PUT /admin/accounts/{userId}/roles/support (authentication → accounts)', async () => {
        const account = await aRegisteredAccount(t).register();
        const statuses = await burst(() =>
          t.http().put(`/api/v1/admin/accounts/${account.userId}/roles/support`).set(support.auth),
        );
        expect(tally(statuses)).toEqual(all('200'));
      });

      it('two-factor reset and unlock (two-factor → accounts)', async () => {
        const account = await aRegisteredAccount(t).register();
        const { secret } = await enrollTwoFactor(t, clock, account);
        const challenge = await logIn(t, account.userId, account.password).expect(200);
        for (let i = 0; i < 5; i += 1) {
          await t
            .http()
            .post('/api/v1/auth/login/two-factor')
            .send({
              challengeToken: challenge.body.challengeToken as string,
              code: aWrongCode(clock, secret),
            });
        }
        const unlock = await burst(() =>
          t.http().post(`/api/v1/admin/accounts/${account.userId}/unlock`).set(support.auth),
        );
        expect(tally(unlock)).toEqual({ '200': 1, '409 TWO_FACTOR_NOT_LOCKED': PARALLEL - 1 });
        const reset = await burst(() =>
          t
            .http()
            .post(`/api/v1/admin/accounts/${account.userId}/two-factor/reset`)
            .set(support.auth),
        );
        expect(tally(reset)).toEqual({ '200': 1, '409 TWO_FACTOR_NOT_ENROLLED': PARALLEL - 1 });
      });

      it('GET /admin/accounts/{userId} and /admin/groups/{id} (read models across contexts)', async () => {
        const admin = await aGroupWithAdministrator(t);
        const detail = await burst(() =>
          t.http().get(`/api/v1/admin/accounts/${admin.userId}`).set(support.auth),
        );
        expect(tally(detail)).toEqual(all('200'));
        const group = await burst(() =>
          t.http().get(`/api/v1/admin/groups/${admin.groupId}`).set(support.auth),
        );
        expect(tally(group)).toEqual(all('200'));
      });
    });
  });
});
