import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from '@app/ddd';
import type { AccountForLogin, AccountView } from '../../../src/modules/accounts/public-api';
import type { AuthenticationSettings } from '../../../src/modules/authentication/application/authentication-settings';
import { DeviceCookies } from '../../../src/modules/authentication/application/device-cookies';
import { LoginAttempts } from '../../../src/modules/authentication/application/login-attempts';
import type { ReservedAttempt } from '../../../src/modules/authentication/application/login-attempts';
import { DeviceCookieThrottle } from '../../../src/modules/authentication/domain/device-cookie-throttle.entity';
import type { DeviceCookieThrottleRepository } from '../../../src/modules/authentication/infrastructure/device-cookie-throttle.repository';
import type { LiveSessions } from '../../../src/modules/authentication/domain/live-sessions';
import { AuthenticationReadModel } from '../../../src/modules/authentication/infrastructure/authentication.read-model';
import { CredentialRepository } from '../../../src/modules/authentication/infrastructure/credential.repository';
import type { LoginThrottleRepository } from '../../../src/modules/authentication/infrastructure/login-throttle.repository';
import { SessionRepository } from '../../../src/modules/authentication/infrastructure/session.repository';
import { Credential } from '../../../src/modules/authentication/domain/credential.entity';
import { LoginThrottle } from '../../../src/modules/authentication/domain/login-throttle.entity';
import { PasswordPolicy } from '../../../src/modules/authentication/domain/password-policy';
import { Session } from '../../../src/modules/authentication/domain/session.entity';
import { StaffRoleAssignment } from '../../../src/modules/authentication/domain/staff-role-assignment.entity';
import type { StaffRole } from '../../../src/modules/authentication/domain/staff-role-assignment.entity';
import type { SessionScope } from '../../../src/modules/authentication/domain/session.entity';
import { hashOf } from './platform-doubles';
import { entityManagerHolding } from './entity-manager-double';
import { immediateTransactions } from './transactions-double';

/** The repositories are the real ones over an entity-manager double (`entityManagerHolding`). */
export { CredentialRepository } from '../../../src/modules/authentication/infrastructure/credential.repository';
export { StaffRosterRepository } from '../../../src/modules/authentication/infrastructure/staff-roster.repository';

export const ACCOUNT_ID = '0190a3c4-0000-7000-8000-000000000001';
export const USER_ID = 'Yamada01';
export const PASSWORD = 'Sakura2024x';
export const TEMPORARY_PASSWORD = 'Tmp4Kx9Qw2Lm';

const HOUR = 3_600_000;

/** `aCredential().withTemporaryPassword().build()`: built through the credential's own methods. */
export function aCredential() {
  const credential = Credential.register(ACCOUNT_ID, USER_ID);
  const builder = {
    withPassword(password = PASSWORD) {
      credential.setInitialPassword(hashOf(password), new Date(Date.now() - HOUR));
      return builder;
    },
    withTemporaryPassword(plain = TEMPORARY_PASSWORD, expiresAt = new Date(Date.now() + HOUR)) {
      credential.issueTemporaryPassword({
        hash: hashOf(plain),
        plain,
        expiresAt,
        email: 'taro@example.jp',
        language: 'ja',
        reason: 'reissue',
      });
      return builder;
    },
    /** The temporary password already opened a (restricted) login. */
    withUsedTemporaryPassword(plain = TEMPORARY_PASSWORD) {
      builder.withTemporaryPassword(plain);
      credential.useTemporaryPassword(hashOf(plain), new Date());
      return builder;
    },
    mustChangePassword() {
      credential.requirePasswordChange();
      return builder;
    },
    build(): Credential {
      credential.pullEvents();
      return credential;
    },
  };
  return builder;
}

export function aSession(scope: SessionScope = 'full', startedMinutesAgo = 5): Session {
  return Session.start({
    accountId: ACCOUNT_ID,
    userId: USER_ID,
    tokenHash: `token-hash-${scope}-${startedMinutesAgo}`,
    scope,
    now: new Date(Date.now() - startedMinutesAgo * 60_000),
    lifetimeMs: 24 * HOUR,
    clientIp: '192.0.2.10',
    userAgent: 'Mozilla/5.0 (spec)',
  });
}

export function anAccountForLogin(overrides: Partial<AccountForLogin> = {}): AccountView {
  return {
    accountId: ACCOUNT_ID,
    userId: USER_ID,
    type: 'individual',
    status: 'active',
    email: 'taro@example.jp',
    language: 'ja',
    renewalRequired: false,
    profile: { name: '山田 太郎', nameKana: 'ヤマダ タロウ' },
    ...overrides,
  } as AccountView;
}

/** Constants in production (`attemptWaitMs`), but a spec may shorten the wait. */
type SettingsOverrides = Partial<Omit<AuthenticationSettings, 'attemptWaitMs'>> & {
  attemptWaitMs?: number;
};

export function authenticationSettings(overrides: SettingsOverrides = {}): AuthenticationSettings {
  return {
    cooldown: { maxConsecutiveFailures: 5, cooldownMs: 15 * 60_000, attemptLeaseMs: 60_000 },
    attemptWaitMs: 50,
    sessionIdleMs: HOUR,
    sessionLifetimeMs: 24 * HOUR,
    passwordMaxLength: 64,
    userIdMaxLength: 20,
    temporaryPasswordLength: 12,
    reissueTtlMs: HOUR,
    registrationTtlMs: 72 * HOUR,
    clientIpLimit: { limit: 100, windowMs: 60_000 },
    deviceCookieLifetimeMs: 180 * 24 * HOUR,
    deviceCookieKey: () => Buffer.from('device-cookie-key-of-the-unit-specs'),
    ...overrides,
  } as AuthenticationSettings;
}

export const passwordPolicy = () =>
  new PasswordPolicy({ minLength: 8, maxLength: 64 }, new Set(['password1']));

/** The read model over an entity-manager double, whose forks are the double itself. */
export const authenticationReadModel = (em: EntityManager, settings = authenticationSettings()) =>
  new AuthenticationReadModel(em, settings);

export type LoginAttemptsDouble = jest.Mocked<LoginAttempts> & {
  throttle: LoginThrottle;
  deviceThrottle: DeviceCookieThrottle;
};

/**
 * The per-ID cool-down, real, over one cool-down row of `USER_ID` (`throttle`) and one device-cookie
 * row (`deviceThrottle`) that record how attempts were refused; its methods are spied on so specs
 * can assert how attempts settle.
 */
export function loginAttempts(
  throttle = aLoginThrottle(),
  deviceThrottle = aDeviceCookieThrottle(),
): LoginAttemptsDouble {
  const throttles = {
    lockOrCreate: jest.fn(() => Promise.resolve(throttle)),
    lock: jest.fn(() => Promise.resolve(throttle)),
  } as unknown as LoginThrottleRepository;
  const deviceThrottles = {
    lockOrCreate: jest.fn(() => Promise.resolve(deviceThrottle)),
    lock: jest.fn(() => Promise.resolve(deviceThrottle)),
    forget: jest.fn(),
  } as unknown as DeviceCookieThrottleRepository;
  const attempts = new LoginAttempts(
    entityManagerHolding(),
    immediateTransactions(),
    throttles,
    deviceThrottles,
    new CredentialRepository(),
    authenticationSettings(),
  );
  // The credential as the spec's entity manager holds it, and the budget the attempt was reserved against.
  attempts.lockForAcceptance = jest.fn(
    async (em: EntityManager, accountId: string, _userId: string, reserved: ReservedAttempt) => ({
      credential: await new CredentialRepository().lockExisting(em, accountId),
      budget: reserved.against === 'device' ? deviceThrottle : throttle,
    }),
  );
  for (const method of [
    'reserve',
    'settleFailedLogin',
    'settleRejectedPasswordChange',
    'settleSuccess',
  ] as const)
    jest.spyOn(attempts, method);
  return Object.assign(attempts as jest.Mocked<LoginAttempts>, { throttle, deviceThrottle });
}

/** The real device cookies, under the unit specs' key. */
export const deviceCookies = (settings = authenticationSettings()) => new DeviceCookies(settings);

export type SessionRepositoryDouble = SessionRepository & {
  /** What the live sessions it loaded recorded, in order. */
  revocations(): readonly DomainEvent[];
};

/** The real repository, remembering the live sessions it loaded (they are no entity to find). */
export function sessionRepository(): SessionRepositoryDouble {
  const repository = new SessionRepository();
  const loaded: LiveSessions[] = [];
  const lockLive = repository.lockLive.bind(repository);
  repository.lockLive = async (...args) => {
    const live = await lockLive(...args);
    loaded.push(live);
    return live;
  };
  return Object.assign(repository, {
    revocations: () => loaded.flatMap((live) => live.peekEvents()),
  });
}

export const aStartedSession = (sessionId = 'session-1') => ({
  sessionId,
  sessionToken: `token-of-${sessionId}`,
  expiresAt: new Date(Date.now() + 24 * HOUR),
});

/** The cool-down row of `USER_ID` after `failures` settled wrong passwords. */
export function aLoginThrottle(failures = 0): LoginThrottle {
  const throttle = new LoginThrottle();
  throttle.loginKey = LoginThrottle.keyOf(USER_ID);
  const { cooldown } = authenticationSettings();
  for (let i = 0; i < failures; i += 1) {
    throttle.reserveAttempt(new Date(), cooldown, { userId: USER_ID, accountId: ACCOUNT_ID });
    throttle.settleFailure(new Date(), cooldown);
  }
  throttle.pullEvents();
  return throttle;
}

/** The lockout row of one device cookie of `USER_ID` after `failures` settled wrong passwords. */
export function aDeviceCookieThrottle(
  failures = 0,
  nonce = 'device-nonce-0001',
): DeviceCookieThrottle {
  const throttle = Object.assign(new DeviceCookieThrottle(), {
    nonce,
    loginKey: LoginThrottle.keyOf(USER_ID),
  });
  const { cooldown } = authenticationSettings();
  for (let i = 0; i < failures; i += 1) {
    throttle.reserveAttempt(new Date(), cooldown);
    throttle.settleFailure(new Date(), cooldown);
  }
  return throttle;
}

/** A staff role as its row holds it (the entity has no behaviour of its own to build it with). */
export const aStaffRole = (role: StaffRole, accountId = ACCOUNT_ID) =>
  Object.assign(new StaffRoleAssignment(), { accountId, role, grantedAt: new Date() });
