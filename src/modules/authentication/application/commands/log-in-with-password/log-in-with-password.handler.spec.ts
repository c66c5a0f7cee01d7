import type { AccountForLogin } from '../../../../accounts/public-api';
import { StartTwoFactorChallengeCommand } from '../../../../two-factor/public-api';
import type { SecondFactorState } from '../../../../two-factor/public-api';
import {
  ACCOUNT_ID,
  aCredential,
  anAccountForLogin,
  aStaffRole,
  aStartedSession,
  authenticationSettings,
  deviceCookies,
  loginAttempts,
  PASSWORD,
  TEMPORARY_PASSWORD,
  USER_ID,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import {
  fakeHasher,
  hashOf,
  rateLimiter,
  recordingCommandBus,
  requestContext,
} from '@test/support/builders/platform-doubles';
import { immediateTransactions, typesOf } from '@test/support/builders/transactions-double';
import type { Credential } from '../../../domain/credential.entity';
import type { StaffRoleAssignment } from '../../../domain/staff-role-assignment.entity';
import type { LoginFacts, LoginFactsReader } from '../../login-facts';
import { PasswordCheck } from '../../password-check';
import { StartSessionCommand } from '../start-session/start-session.command';
import { LogInWithPasswordCommand } from './log-in-with-password.command';
import { LogInWithPasswordHandler } from './log-in-with-password.handler';

const challenge = { challengeToken: 'challenge-token', expiresAt: new Date(Date.now() + 300_000) };

function login(
  setup: {
    credential?: Credential;
    staffRoles?: StaffRoleAssignment[];
    account?: AccountForLogin | null;
    secondFactor?: SecondFactorState;
    ipRefusedFor?: number;
    outdatedHashes?: string[];
  } = {},
) {
  const credential = setup.credential ?? aCredential().withPassword().build();
  const em = entityManagerHolding(credential, ...(setup.staffRoles ?? []));
  const transactions = immediateTransactions(em);
  const commands = recordingCommandBus(
    [StartSessionCommand, aStartedSession()],
    [StartTwoFactorChallengeCommand, challenge],
  );
  const account = setup.account === undefined ? anAccountForLogin() : setup.account;
  const staff = (setup.staffRoles ?? []).length > 0;
  const state = setup.secondFactor ?? 'not_required';
  const requirement = { state, requiredByGroup: false, enabled: state !== 'not_required' };
  const facts: LoginFacts = !account
    ? { kind: 'unknown_user_id' }
    : {
        kind: 'usable',
        account,
        credential,
        staff,
        requirement: { ...requirement, enrolled: state === 'verification_required' },
      };
  const reader = { read: jest.fn().mockResolvedValue(facts) };
  const attempts = loginAttempts();
  const hasher = fakeHasher({ outdated: setup.outdatedHashes });
  const handler = new LogInWithPasswordHandler(
    transactions,
    commands,
    reader as unknown as LoginFactsReader,
    attempts,
    deviceCookies(),
    new PasswordCheck(hasher),
    hasher,
    rateLimiter({ refusedFor: setup.ipRefusedFor }),
    requestContext(),
    authenticationSettings(),
  );
  const run = (userId = USER_ID, password = PASSWORD, deviceCookie?: string) =>
    handler.execute(new LogInWithPasswordCommand(userId, password, deviceCookie));
  return { run, em, credential, transactions, commands, attempts };
}

describe('LogInWithPasswordHandler', () => {
  it('opens a full session for the right password, which records LoginSucceeded', async () => {
    const { run, transactions, commands, attempts } = login();

    const outcome = await run();

    expect(outcome).toMatchObject({ status: 'authenticated', renewalRequired: false });
    expect(commands.sent).toEqual([
      new StartSessionCommand(ACCOUNT_ID, {
        scope: 'full',
        login: { method: 'password', renewalRequired: false },
      }),
    ]);
    expect(attempts.settleSuccess).toHaveBeenCalledWith(
      expect.anything(),
      USER_ID,
      { against: 'user_id' },
      attempts.throttle,
    );
    expect(transactions.published).toEqual([]);
  });

  it.each([
    ['a wrong password', {}, 'wrong_password'],
    // A withdrawn account is an unknown one to the login (LoginFactsReader).
    ['an unknown user ID', { account: null }, 'unknown_user_id'],
  ])('refuses %s with INVALID_CREDENTIALS, counting the failure', async (_, setup, reason) => {
    const { run, transactions, commands, attempts } = login(setup);

    await expect(run(USER_ID, 'Wrong2024x')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(attempts.settleFailedLogin).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ userId: USER_ID, reason }),
      { against: 'user_id' },
    );
    expect(transactions.commits).toBe(1);
    expect(attempts.throttle.peekEvents()).toEqual([
      expect.objectContaining({
        type: 'authentication.login-failed',
        payload: expect.objectContaining({ reason }),
      }),
    ]);
    expect(transactions.published).toEqual([]);
    expect(commands.sent).toEqual([]);
  });

  it('refuses an over-long user ID before reserving an attempt', async () => {
    const { run, transactions, attempts } = login();

    await expect(run('x'.repeat(21))).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(attempts.reserve).not.toHaveBeenCalled();
    expect(transactions.published[0].payload).toMatchObject({ reason: 'input_too_long' });
  });

  it('throttles a client IP over its limit and records LoginThrottled', async () => {
    const { run, transactions, attempts } = login({ ipRefusedFor: 30 });

    await expect(run()).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(attempts.reserve).not.toHaveBeenCalled();
    expect(transactions.published).toEqual([
      expect.objectContaining({
        type: 'authentication.login-throttled',
        payload: expect.objectContaining({ limit: 'client_ip', retryAfterSeconds: 30 }),
      }),
    ]);
  });

  it('starts a two-factor challenge when a code is required, and opens no session', async () => {
    const { run, credential, transactions, commands } = login({
      secondFactor: 'verification_required',
    });

    const outcome = await run();

    expect(outcome).toEqual({
      status: 'two_factor_required',
      ...challenge,
      deviceCookie: { value: expect.any(String), expiresAt: expect.any(Date) },
    });
    expect(commands.sent).toEqual([
      new StartTwoFactorChallengeCommand({
        accountId: ACCOUNT_ID,
        userId: USER_ID,
        afterTemporaryPassword: false,
        mandatory: false,
      }),
    ]);
    expect(typesOf(credential.peekEvents())).toEqual(['authentication.login-password-accepted']);
    expect(transactions.published).toEqual([]);
  });

  it('asks a staff account for a second factor even if it never switched one on', async () => {
    const { run, commands } = login({
      staffRoles: [aStaffRole('support')],
      secondFactor: 'enrollment_required',
    });

    await run();

    expect(commands.sent).toEqual([
      new StartTwoFactorChallengeCommand({
        accountId: ACCOUNT_ID,
        userId: USER_ID,
        afterTemporaryPassword: false,
        mandatory: true,
      }),
    ]);
  });

  it('refuses a locked second factor with ACCOUNT_LOCKED after committing LoginFailed', async () => {
    const { run, credential, transactions, commands } = login({ secondFactor: 'locked' });

    await expect(run()).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(transactions.commits).toBe(1);
    expect(credential.peekEvents()[0]).toMatchObject({
      type: 'authentication.login-failed',
      payload: { userId: USER_ID, accountId: ACCOUNT_ID, reason: 'two_factor_locked' },
    });
    expect(commands.sent).toEqual([]);
  });

  it('lets a temporary password open one restricted session and marks it used', async () => {
    const credential = aCredential().withTemporaryPassword().build();
    const { run, commands } = login({ credential });

    const outcome = await run(USER_ID, TEMPORARY_PASSWORD);

    expect(outcome.status).toBe('password_change_required');
    expect(commands.sent).toEqual([
      new StartSessionCommand(ACCOUNT_ID, {
        scope: 'password_change',
        login: { method: 'password', renewalRequired: false },
      }),
    ]);
    expect(credential.usedTemporaryPasswordHash).toBe(hashOf(TEMPORARY_PASSWORD));
  });

  it('refuses a temporary password that a parallel login used first', async () => {
    const { run, em, commands } = login({
      credential: aCredential().withTemporaryPassword().build(),
    });
    const usedMeanwhile = aCredential().withUsedTemporaryPassword().build();
    em.findOneOrFail.mockResolvedValueOnce(usedMeanwhile);

    await expect(run(USER_ID, TEMPORARY_PASSWORD)).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(usedMeanwhile.peekEvents()[0]).toMatchObject({
      type: 'authentication.login-failed',
      payload: { reason: 'temporary_password_already_used' },
    });
    expect(commands.sent).toEqual([]);
  });

  it('re-hashes a password hashed with older parameters', async () => {
    const credential = aCredential().withPassword().build();
    const { run } = login({ credential, outdatedHashes: [hashOf(PASSWORD)] });

    await run();

    expect(typesOf(credential.pullEvents())).toEqual(['authentication.password-rehashed']);
  });

  describe('device cookies (ADR 0023)', () => {
    const cookieOf = (userId = USER_ID) => deviceCookies().issue(userId).value;

    it('gives the device a cookie for the ID with every right password', async () => {
      const { run } = login();

      const outcome = await run();

      const issued = outcome.deviceCookie?.value ?? '';
      expect(deviceCookies().recognise(issued, USER_ID.toUpperCase())).not.toBeNull();
    });

    it("counts a wrong password from a device holding the ID's cookie against that cookie", async () => {
      const { run, attempts } = login();

      await expect(run(USER_ID, 'Wrong2024x', cookieOf())).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
      expect(attempts.settleFailedLogin).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({ reason: 'wrong_password' }),
        expect.objectContaining({ against: 'device' }),
      );
      expect(typesOf(attempts.deviceThrottle.peekEvents())).toEqual([
        'authentication.login-failed',
      ]);
      expect(attempts.throttle.peekEvents()).toEqual([]);
    });

    it.each([
      ['a cookie of another user ID', () => cookieOf('Suzuki02')],
      [
        'a tampered cookie',
        () => cookieOf().replace(/.(?=.{10}$)/, (c) => (c === 'A' ? 'B' : 'A')),
      ],
      ['a cookie signed with another key', () => cookieOfAnotherKey()],
    ])('counts a wrong password with %s as anonymous', async (_, cookie) => {
      const { run, attempts } = login();

      await expect(run(USER_ID, 'Wrong2024x', cookie())).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
      expect(typesOf(attempts.throttle.peekEvents())).toEqual(['authentication.login-failed']);
      expect(attempts.deviceThrottle.peekEvents()).toEqual([]);
    });
  });
});

function cookieOfAnotherKey(): string {
  const settings = authenticationSettings({ deviceCookieKey: () => Buffer.from('another key') });
  return deviceCookies(settings).issue(USER_ID).value;
}
