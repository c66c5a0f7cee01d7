import { SecretHasher } from '@app/platform';
import type { Response } from 'supertest';
import {
  aRegisteredAccount,
  aStaffMember,
  aUserId,
  requestWithdrawal,
} from '@test/support/builders/accounts';
import type { LoggedInAccount, RegisteredAccount } from '@test/support/builders/accounts';
import { logIn } from '@test/support/builders/authentication';
import {
  fromNewClient,
  requestLookupPassword,
  requestPasswordReissue,
} from '@test/support/builders/recovery';
import {
  enrollTwoFactor,
  lockTwoFactor,
  TwoFactorTestClock,
} from '@test/support/builders/two-factor';
import { eventTypesSince, snapshot } from '@test/support/fuzz/invariants';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

/**
 * No account enumeration, counted rather than timed: for login, user-ID lookup and password
 * re-issue, an unknown, a withdrawn and a locked account cost the same argon2 operations as a real
 * one, answer byte for byte the same, and leave the same events — but for the one event that
 * mails the registered address, which only its owner sees (ADR 0040).
 */
const MAX_FAILURES = 3;

interface Work {
  status: number;
  /** Headers and body, without those that differ for every request. */
  answer: { headers: Record<string, unknown>; body: string };
  argon2: { hash: number; verify: number };
  /** Types of the events the request committed, in order. */
  events: string[];
}

describe('no account enumeration: the same work for real, unknown, withdrawn and locked accounts', () => {
  let t: TestApp;
  let hashes: jest.SpyInstance;
  let verifications: jest.SpyInstance;
  let admin: LoggedInAccount;
  let clock: TwoFactorTestClock;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        RATE_LIMIT_PER_MINUTE: '100000',
        LOGIN_RATE_LIMIT_PER_IP: '100000',
        RECOVERY_LIMIT_PER_IP: '100000',
        LOGIN_MAX_CONSECUTIVE_FAILURES: String(MAX_FAILURES),
      },
    });
    // The app's one hasher: dummy work (`verifyNothing`, `hashNothing`) goes through the same two
    // methods, so every argon2 operation is counted, real or not.
    const hasher = t.app.get(SecretHasher, { strict: false });
    hashes = jest.spyOn(hasher, 'hash');
    verifications = jest.spyOn(hasher, 'verify');
    admin = await aStaffMember(t, 'admin').loggedIn();
    clock = new TwoFactorTestClock(t);
  });

  afterAll(() => t.close());

  /** What `send` cost: argon2 operations, the answer and the events it committed. */
  async function workOf(send: () => Promise<Response>): Promise<Work> {
    const position = (await snapshot(t)).outboxPosition;
    hashes.mockClear();
    verifications.mockClear();
    const response = await send();
    const argon2 = { hash: hashes.mock.calls.length, verify: verifications.mock.calls.length };
    const events = await eventTypesSince(t, position);
    const headers: Record<string, unknown> = { ...response.headers };
    for (const varying of ['x-request-id', 'date', 'etag', 'content-length'])
      delete headers[varying];
    for (const name of Object.keys(headers))
      if (name.startsWith('x-ratelimit')) delete headers[name];
    return {
      status: response.status,
      // Two cool-downs that started a moment apart may end a second apart.
      answer: {
        headers,
        body: response.text.replace(/"retryAfterSeconds":\d+/, '"retryAfterSeconds":"n"'),
      },
      argon2,
      events,
    };
  }

  async function aWithdrawnAccount(): Promise<RegisteredAccount> {
    const account = await aRegisteredAccount(t).loggedIn();
    await requestWithdrawal(t, account);
    await t
      .http()
      .post(`/api/v1/admin/withdrawals/${account.userId}/complete`)
      .set(admin.auth)
      .expect(200);
    return account;
  }

  async function aTwoFactorLockedAccount(): Promise<RegisteredAccount> {
    const account = await aRegisteredAccount(t).register();
    const { secret } = await enrollTwoFactor(t, clock, account);
    await lockTwoFactor(t, clock, account, secret);
    return account;
  }

  const wrongPassword = 'Wrong0password';

  describe('login with a wrong password', () => {
    it('costs a real, an unknown, a withdrawn and a two-factor-locked ID the same', async () => {
      const real = await aRegisteredAccount(t).register();
      const withdrawn = await aWithdrawnAccount();
      const locked = await aTwoFactorLockedAccount();

      const work = {
        real: await workOf(() => logIn(t, real.userId, wrongPassword)),
        unknown: await workOf(() => logIn(t, aUserId(), wrongPassword)),
        withdrawn: await workOf(() => logIn(t, withdrawn.userId, wrongPassword)),
        locked: await workOf(() => logIn(t, locked.userId, wrongPassword)),
      };

      expect(work.real).toMatchObject({
        status: 401,
        argon2: { hash: 0, verify: 2 },
        events: ['authentication.login-failed'],
      });
      expect(work.unknown).toEqual(work.real);
      expect(work.withdrawn).toEqual(work.real);
      expect(work.locked).toEqual(work.real);
    });

    it('costs a real and an unknown ID in cool-down the same: no hashing at all', async () => {
      const real = await aRegisteredAccount(t).register();
      const unknown = aUserId();
      for (let i = 0; i < MAX_FAILURES; i += 1) {
        await logIn(t, real.userId, wrongPassword).expect(401);
        await logIn(t, unknown, wrongPassword).expect(401);
      }

      const work = {
        real: await workOf(() => logIn(t, real.userId, real.password)),
        unknown: await workOf(() => logIn(t, unknown, wrongPassword)),
      };

      expect(work.real).toMatchObject({
        status: 429,
        argon2: { hash: 0, verify: 0 },
        events: ['authentication.login-throttled'],
      });
      expect(work.unknown).toEqual(work.real);
    });
  });

  describe('user-ID lookup (lookup password request)', () => {
    it('costs a registered, an unknown, a withdrawn and a locked account’s address the same', async () => {
      const real = await aRegisteredAccount(t).register();
      const withdrawn = await aWithdrawnAccount();
      const locked = await aTwoFactorLockedAccount();
      const client = fromNewClient();

      const work = {
        real: await workOf(() => requestLookupPassword(t, real.email, client)),
        unknown: await workOf(() => requestLookupPassword(t, `${aUserId('m')}@example.jp`, client)),
        withdrawn: await workOf(() => requestLookupPassword(t, withdrawn.email, client)),
        locked: await workOf(() => requestLookupPassword(t, locked.email, client)),
      };

      expect(work.real).toMatchObject({
        status: 202,
        argon2: { hash: 1, verify: 0 },
        events: ['recovery.user-id-lookup-requested', 'recovery.lookup-password-issued'],
      });
      // The mail-worthy event goes to the registered address only: its owner sees the mail, the
      // requester sees the same answer after the same hashing.
      const withoutTheMail = ({ events, ...rest }: Work) => ({
        ...rest,
        events: events.filter((type) => type !== 'recovery.lookup-password-issued'),
      });
      expect(withoutTheMail(work.unknown)).toEqual(withoutTheMail(work.real));
      expect(work.unknown.events).toEqual(['recovery.user-id-lookup-requested']);
      expect(work.withdrawn).toEqual(work.unknown);
      expect(work.locked).toEqual(work.real);
    });
  });

  describe('password re-issue', () => {
    it('costs a real, an unknown, a withdrawn and a two-factor-locked ID the same', async () => {
      const real = await aRegisteredAccount(t).register();
      const withdrawn = await aWithdrawnAccount();
      const locked = await aTwoFactorLockedAccount();
      const client = fromNewClient();

      const work = {
        real: await workOf(() => requestPasswordReissue(t, real.userId, real.email, client)),
        unknown: await workOf(() => requestPasswordReissue(t, aUserId(), real.email, client)),
        withdrawn: await workOf(() =>
          requestPasswordReissue(t, withdrawn.userId, withdrawn.email, client),
        ),
        locked: await workOf(() => requestPasswordReissue(t, locked.userId, locked.email, client)),
      };

      expect(work.real).toMatchObject({
        status: 202,
        argon2: { hash: 1, verify: 0 },
        events: ['recovery.password-reissue-requested', 'authentication.temporary-password-issued'],
      });
      const withoutTheMail = ({ events, ...rest }: Work) => ({
        ...rest,
        events: events.filter((type) => type !== 'authentication.temporary-password-issued'),
      });
      for (const other of [work.unknown, work.withdrawn, work.locked]) {
        expect(other.events).toEqual(['recovery.password-reissue-requested']);
        expect(other).toEqual(withoutTheMail(work.real));
      }
    });
  });
});
