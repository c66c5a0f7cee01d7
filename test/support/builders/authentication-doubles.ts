import type { AccountForLogin, AccountView } from '../../../src/modules/accounts/public-api';
import type { AuthenticationSettings } from '../../../src/modules/authentication/application/authentication-settings';
import type { LoginAttempts } from '../../../src/modules/authentication/application/login-attempts';
import { Credential } from '../../../src/modules/authentication/domain/credential.entity';
import { LoginThrottle } from '../../../src/modules/authentication/domain/login-throttle.entity';
import { PasswordPolicy } from '../../../src/modules/authentication/domain/password-policy';
import { Session } from '../../../src/modules/authentication/domain/session.entity';
import { StaffRoleAssignment } from '../../../src/modules/authentication/domain/staff-role-assignment.entity';
import type { StaffRole } from '../../../src/modules/authentication/domain/staff-role-assignment.entity';
import type { SessionScope } from '../../../src/modules/authentication/domain/session.entity';
import { hashOf } from './platform-doubles';

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
    ...overrides,
  } as AuthenticationSettings;
}

export const passwordPolicy = () =>
  new PasswordPolicy({ minLength: 8, maxLength: 64 }, new Set(['password1']));

/** The per-ID cool-down as a double: reserves every attempt; specs assert how attempts settle. */
export function loginAttempts(): jest.Mocked<LoginAttempts> {
  return {
    reserve: jest.fn(() => Promise.resolve()),
    settleFailure: jest.fn(() => Promise.resolve()),
    settleSuccess: jest.fn(() => Promise.resolve()),
  } as unknown as jest.Mocked<LoginAttempts>;
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
    throttle.reserveAttempt(new Date(), cooldown);
    throttle.settleFailure(new Date(), cooldown);
  }
  return throttle;
}

/** A staff role as its row holds it (the entity has no behaviour of its own to build it with). */
export const aStaffRole = (role: StaffRole, accountId = ACCOUNT_ID) =>
  Object.assign(new StaffRoleAssignment(), { accountId, role, grantedAt: new Date() });
