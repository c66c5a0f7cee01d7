import { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { hashChallengeToken } from '../../src/modules/two-factor/infrastructure/challenge-token';
import { aRegisteredAccount, outboxEvents } from '@test/support/builders/accounts';
import { authSql, logIn } from '@test/support/builders/authentication';
import { enrollTwoFactor, TwoFactorTestClock } from '@test/support/builders/two-factor';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

/**
 * The login's code step reads everything it decides on in one statement that locks the challenge
 * and its two-factor account (ADR 0093, "The code step"): each branch of that statement, over
 * HTTP, and the statements the step sends.
 */
const API = '/api/v1';
const PARALLEL = 20;
/** Every request here comes from one client address: no rate limit nor the lock may refuse it. */
const ONE_CLIENT_UNLIMITED = {
  RATE_LIMIT_PER_MINUTE: '100000',
  LOGIN_RATE_LIMIT_PER_IP: '100000',
  TWO_FACTOR_MAX_FAILURES: '25',
};

interface SentStatement {
  client: Client;
  text: string;
}

describe('the login code step: one read, one transaction (real PostgreSQL, Redis)', () => {
  let t: TestApp;
  let clock: TwoFactorTestClock;

  beforeAll(async () => {
    t = await createTestApp({ env: ONE_CLIENT_UNLIMITED });
    clock = new TwoFactorTestClock(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const secondStep = (challengeToken: string, code: string) =>
    t.http().post(`${API}/auth/login/two-factor`).send({ challengeToken, code });

  async function enrolledUser() {
    const account = await aRegisteredAccount(t).register();
    return { ...account, ...(await enrollTwoFactor(t, clock, account)) };
  }

  async function challengeFor(user: { userId: string; password: string }): Promise<string> {
    const res = await logIn(t, user.userId, user.password).expect(200);
    expect(res.body.status).toBe('two_factor_required');
    return res.body.challengeToken as string;
  }

  const sessionsOf = async (accountId: string) =>
    (
      await authSql(t, 'select 1 from "authentication"."session" where "account_id" = ?', [
        accountId,
      ])
    ).length;

  const failuresOf = async (accountId: string) =>
    (await outboxEvents(t, 'two-factor.verification-failed', accountId)).length;

  /** Whether some statement of this test's database waits for a row lock. */
  const someoneWaitsForALock = async () =>
    (
      await authSql<{ waiting: string }>(
        t,
        `select count(*) as "waiting" from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
      )
    )[0].waiting !== '0';

  it('opens exactly one session when 20 requests send the right code to one challenge', async () => {
    const user = await enrolledUser();
    const challenge = await challengeFor(user);
    const code = clock.codeFor(user.secret);

    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () => secondStep(challenge, code)),
    );

    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    // The others found no challenge once the first had consumed it: refused, and not counted as
    // wrong codes (they never reached the account's judgement).
    expect(responses.filter((r) => r.status === 401).map((r) => r.body.code)).toEqual(
      Array(PARALLEL - 1).fill('CHALLENGE_EXPIRED'),
    );
    expect(await sessionsOf(user.accountId)).toBe(1);
    expect(await failuresOf(user.accountId)).toBe(0);
    clock.nextStep();
  });

  it('refuses a challenge that a newer login replaced while its code waited for the lock', async () => {
    const user = await enrolledUser();
    const challenge = await challengeFor(user);
    const knex = t.app.get(EntityManager).getConnection().getKnex();
    const newerLogin: Knex.Transaction = await knex.transaction();
    const newerToken = `newer-${user.accountId}`;
    let submission: Promise<{ status: number; body: { code?: string } }> | undefined;
    try {
      // What a newer login's StartTwoFactorChallenge does, held open: lock the account, replace
      // the challenge.
      await newerLogin.raw(
        'select 1 from "two_factor"."account" where "account_id" = ? for update',
        [user.accountId],
      );
      submission = secondStep(challenge, clock.codeFor(user.secret)).then((r) => r);
      await waitFor(someoneWaitsForALock, { what: 'the code step waiting for the account lock' });
      await newerLogin.raw('delete from "two_factor"."challenge" where "account_id" = ?', [
        user.accountId,
      ]);
      await newerLogin.raw(
        `insert into "two_factor"."challenge" ("id", "account_id", "user_id", "token_hash",
           "after_temporary_password", "expires_at", "created_at")
         values (gen_random_uuid(), ?, ?, ?, false, now() + interval '5 minutes', now())`,
        [user.accountId, user.userId, hashChallengeToken(newerToken)],
      );
      await newerLogin.commit();
    } finally {
      if (!newerLogin.isCompleted()) await newerLogin.rollback();
    }

    const refused = await submission;
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('CHALLENGE_EXPIRED');
    expect(await failuresOf(user.accountId)).toBe(0);
    // The newer challenge is the one that counts now, and the refused step spent nothing of it.
    await secondStep(newerToken, clock.codeFor(user.secret)).expect(200);
    expect(await sessionsOf(user.accountId)).toBe(1);
    clock.nextStep();
  });

  it('refuses a withdrawn account with ACCOUNT_NOT_FOUND, judging and counting nothing', async () => {
    const user = await enrolledUser();
    const challenge = await challengeFor(user);
    // Withdrawn in accounts, its two-factor rows not yet erased (the erasure follows the event).
    await authSql(
      t,
      `update "accounts"."account" set "status" = 'withdrawn', "withdrawn_at" = now(), "email" = null,
         "name" = null, "name_kana" = null, "phone" = null, "company_name" = null,
         "department" = null, "group_name" = null, "renewal_requested_at" = null
       where "id" = ?`,
      [user.accountId],
    );

    const res = await secondStep(challenge, clock.codeFor(user.secret));

    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ACCOUNT_NOT_FOUND');
    expect(await sessionsOf(user.accountId)).toBe(0);
    expect(await failuresOf(user.accountId)).toBe(0);
    const [row] = await authSql<{ consecutive_failures: number }>(
      t,
      'select "consecutive_failures" from "two_factor"."account" where "account_id" = ?',
      [user.accountId],
    );
    expect(row.consecutive_failures).toBe(0);
    expect(
      await authSql(t, 'select 1 from "two_factor"."challenge" where "account_id" = ?', [
        user.accountId,
      ]),
    ).toHaveLength(1);
    clock.nextStep();
  });

  describe('statements sent', () => {
    let sent: SentStatement[];
    let spy: jest.SpyInstance | undefined;

    beforeEach(() => {
      sent = [];
      const query = Client.prototype.query as (...args: unknown[]) => unknown;
      spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
        this: Client,
        ...args: unknown[]
      ) {
        const [first] = args;
        const text = typeof first === 'string' ? first : (first as { text: string }).text;
        sent.push({ client: this, text });
        return query.apply(this, args);
      } as never);
    });

    // Only this spy: the test clock is a spy too.
    afterEach(() => spy?.mockRestore());

    /** The statements of the transaction that sent `marker`, its BEGIN to its COMMIT. */
    function transactionWith(marker: RegExp): string[] {
      const owner = sent.find((s) => marker.test(s.text))?.client;
      const texts = sent.filter((s) => s.client === owner).map((s) => s.text.trim());
      const at = texts.findIndex((text) => marker.test(text));
      const begin = texts.findLastIndex((text, i) => i < at && /^begin/i.test(text));
      const commit = texts.findIndex((text, i) => i > at && /^commit/i.test(text));
      return texts.slice(begin, commit + 1);
    }

    it('makes the code step one read and its writes in one transaction', async () => {
      const user = await enrolledUser();
      const challenge = await challengeFor(user);
      sent = [];

      await secondStep(challenge, clock.codeFor(user.secret)).expect(200);

      const step = transactionWith(/"two_factor"\."challenge"/);
      const reads = step.filter((text) => /^select/i.test(text));
      process.stdout.write(`code step, ${step.length} statements:\n  ${step.join('\n  ')}\n`);
      expect(reads).toHaveLength(1);
      expect(reads[0]).toMatch(/for update of a, c/);
      expect(step.filter((text) => /^(begin|commit)/i.test(text))).toHaveLength(2);
      clock.nextStep();
    });

    it('starts the challenge with one statement that locks or opens the two-factor account', async () => {
      const user = await enrolledUser();
      sent = [];

      await challengeFor(user);

      const start = transactionWith(/insert into "two_factor"\."challenge"/).filter((text) =>
        /"two_factor"\."account"/.test(text),
      );
      process.stdout.write(`challenge start, two_factor.account:\n  ${start.join('\n  ')}\n`);
      expect(start).toHaveLength(1);
      expect(start[0]).toMatch(/^insert into "two_factor"\."account".*on conflict/s);
    });
  });
});
