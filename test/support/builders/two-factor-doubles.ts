import type { AccountForLogin } from '../../../src/modules/accounts/public-api';
import {
  FindAccountForLoginQuery,
  GetAccountQuery,
  VerifyCurrentPasswordQuery,
} from '../../../src/modules/accounts/public-api';
import { AccountDirectory } from '../../../src/modules/two-factor/application/account-directory';
import { PasswordConfirmation } from '../../../src/modules/two-factor/application/password-confirmation';
import { RecoveryCodeIssuer } from '../../../src/modules/two-factor/application/recovery-code-issuer';
import { SecondFactorChecker } from '../../../src/modules/two-factor/application/second-factor-checker';
import { TwoFactorSettings } from '../../../src/modules/two-factor/application/two-factor-settings';
import { RecoveryCode } from '../../../src/modules/two-factor/domain/recovery-code.entity';
import { TwoFactorAccount } from '../../../src/modules/two-factor/domain/two-factor-account.entity';
import { TwoFactorChallenge } from '../../../src/modules/two-factor/domain/two-factor-challenge.entity';
import type { AccountContact } from '../../../src/modules/two-factor/domain/two-factor.events';
import { hashChallengeToken } from '../../../src/modules/two-factor/infrastructure/challenge-token';
import type { Clock } from '../../../src/modules/two-factor/infrastructure/clock';
import type { QrCodeRenderer } from '../../../src/modules/two-factor/infrastructure/qr-code';
import type { SecretCipher } from '../../../src/modules/two-factor/infrastructure/secret-cipher';
import type { Totp } from '../../../src/modules/two-factor/infrastructure/totp';
import type { TwoFactorReadModel } from '../../../src/modules/two-factor/infrastructure/two-factor.read-model';
import type { TwoFactorRepository } from '../../../src/modules/two-factor/infrastructure/two-factor.repository';
import { ACCOUNT_ID, anAccountForLogin, PASSWORD, USER_ID } from './authentication-doubles';
import { answeringQueryBus, fakeHasher, hashOf } from './platform-doubles';
import { immediateTransactions } from './transactions-double';

export const NOW = new Date('2026-04-01T09:00:00.000Z');
export const SECRET = 'JBSWY3DPEHPK3PXP';
/** The code the fake authenticator shows now, for the time step `CURRENT_STEP`. */
export const VALID_CODE = '123456';
export const CURRENT_STEP = 59_000_000;
export const WRONG_CODE = '654321';
export const RECOVERY_CODE = 'abcde-fghjk';
export const CHALLENGE_TOKEN = 'challenge-token';
export const ADMIN_ID = '0190a3c4-0000-7000-8000-00000000ad01';
export const MAX_FAILURES = 3;

export const contact: AccountContact = {
  accountId: ACCOUNT_ID,
  userId: USER_ID,
  email: 'taro@example.jp',
  language: 'ja',
};

/** Encrypts by tagging with the key id: `enc:<key>:<plain>`; key `k2` is the current one. */
export function fakeCipher(): jest.Mocked<SecretCipher> {
  return {
    encrypt: jest.fn((plain: string) => `enc:k2:${plain}`),
    decrypt: jest.fn((stored: string) => stored.replace(/^enc:k\d:/, '')),
    isCurrent: jest.fn((stored: string) => stored.startsWith('enc:k2:')),
  } as unknown as jest.Mocked<SecretCipher>;
}

/** An authenticator that shows `VALID_CODE` for every secret, at `CURRENT_STEP`. */
export function fakeTotp(): jest.Mocked<Totp> {
  return {
    newSecret: jest.fn(() => SECRET),
    keyUri: jest.fn(
      (userId: string, issuer: string, secret: string) =>
        `otpauth://totp/${issuer}:${userId}?secret=${secret}`,
    ),
    matchingStep: jest.fn((_secret: string, code: string) =>
      code === VALID_CODE ? CURRENT_STEP : null,
    ),
  } as unknown as jest.Mocked<Totp>;
}

/** `aTwoFactorAccount().enrolled().build()`: built through the aggregate's own methods. */
export function aTwoFactorAccount(accountId = ACCOUNT_ID) {
  const account = TwoFactorAccount.open(accountId);
  const builder = {
    enabled() {
      account.switchOnByUser(contact);
      return builder;
    },
    requiredByGroup() {
      account.requireByGroup(contact, ADMIN_ID);
      return builder;
    },
    /** Enrolled with `SECRET`, encrypted under `key` (k2 is current, k1 an older key). */
    enrolled(key = 'k2') {
      account.completeEnrollment(
        `enc:${key}:${SECRET}`,
        contact,
        new Date(NOW.getTime() - 86_400_000),
      );
      return builder;
    },
    locked() {
      for (let i = 0; i < MAX_FAILURES; i += 1)
        account.attempt({ method: 'none' }, contact, MAX_FAILURES, NOW);
      return builder;
    },
    build(): TwoFactorAccount {
      account.pullEvents();
      return account;
    },
  };
  return builder;
}

export function aChallenge(
  options: {
    enrolling?: boolean;
    afterTemporaryPassword?: boolean;
    issuedSecondsAgo?: number;
  } = {},
): TwoFactorChallenge {
  return TwoFactorChallenge.issue({
    accountId: ACCOUNT_ID,
    userId: USER_ID,
    tokenHash: hashChallengeToken(CHALLENGE_TOKEN),
    encryptedPendingSecret: options.enrolling ? `enc:k2:${SECRET}` : null,
    afterTemporaryPassword: options.afterTemporaryPassword ?? false,
    now: new Date(NOW.getTime() - (options.issuedSecondsAgo ?? 10) * 1000),
    ttlSeconds: 300,
  });
}

/** Recovery codes as stored: the hash of the canonical code (no dash). */
export const aRecoveryCode = (code = RECOVERY_CODE) =>
  RecoveryCode.issue(ACCOUNT_ID, hashOf(code.replace('-', '')), NOW);

/**
 * The two-factor tables of one account. Reads answer what it holds; `lockOrOpen` opens (and then
 * holds) a fresh account; writes are `jest.fn`s that specs assert, and they update what it holds.
 */
export function twoFactorRepositoryHolding(
  held: {
    account?: TwoFactorAccount;
    challenge?: TwoFactorChallenge;
    recoveryCodes?: RecoveryCode[];
    /** The account as accounts answers a login, read with the challenge; null once withdrawn. */
    accountForLogin?: AccountForLogin | null;
  } = {},
): jest.Mocked<TwoFactorRepository> & { held: typeof held } {
  const state = { recoveryCodes: [] as RecoveryCode[], ...held };
  const accountOf = (accountId: string) =>
    state.account?.accountId === accountId ? state.account : null;
  const unused = () => (state.recoveryCodes ?? []).filter((code) => code.usedAt === null);
  return {
    held: state,
    lock: jest.fn((_em, accountId: string) => Promise.resolve(accountOf(accountId))),
    lockOrOpen: jest.fn((_em, accountId: string) => {
      state.account = accountOf(accountId) ?? TwoFactorAccount.open(accountId);
      return Promise.resolve(state.account);
    }),
    lockChallenge: jest.fn((_em, tokenHash: string) => {
      const { challenge } = state;
      const account = challenge?.tokenHash === tokenHash && accountOf(challenge.accountId);
      if (!challenge || !account) return Promise.resolve(null);
      const accountForLogin =
        state.accountForLogin === undefined ? anAccountForLogin() : state.accountForLogin;
      return Promise.resolve({ account, challenge, accountForLogin });
    }),
    replaceChallenge: jest.fn((_em, challenge: TwoFactorChallenge) => {
      state.challenge = challenge;
      return Promise.resolve();
    }),
    deleteChallenges: jest.fn(() => {
      state.challenge = undefined;
      return Promise.resolve();
    }),
    unusedRecoveryCodes: jest.fn(() => Promise.resolve(unused())),
    spendRecoveryCode: jest.fn((_em, codeId: string, now: Date) => {
      const code = unused().find((candidate) => candidate.id === codeId);
      if (code) code.usedAt = now;
      return Promise.resolve(code !== undefined);
    }),
    replaceRecoveryCodes: jest.fn((_em, _accountId: string, codes: RecoveryCode[]) => {
      state.recoveryCodes = codes;
      return Promise.resolve();
    }),
    deleteRecoveryCodes: jest.fn(() => {
      state.recoveryCodes = [];
      return Promise.resolve();
    }),
    erase: jest.fn(() => Promise.resolve()),
  } as unknown as jest.Mocked<TwoFactorRepository> & { held: typeof held };
}

/** What the query handlers read: one account's two-factor row and its recovery codes. */
export function twoFactorReadModelHolding(
  held: { account?: TwoFactorAccount; recoveryCodes?: RecoveryCode[] } = {},
): jest.Mocked<TwoFactorReadModel> {
  const accountOf = (accountId: string) =>
    held.account?.accountId === accountId ? held.account : null;
  return {
    secondFactorOf: jest.fn((accountId: string) => Promise.resolve(accountOf(accountId))),
    unusedRecoveryCodes: jest.fn((accountId: string) =>
      Promise.resolve(
        (held.recoveryCodes ?? []).filter(
          (code) => code.accountId === accountId && code.usedAt === null,
        ).length,
      ),
    ),
  } as unknown as jest.Mocked<TwoFactorReadModel>;
}

export const twoFactorSettings = (): TwoFactorSettings =>
  Object.assign(new TwoFactorSettings(), {
    TOTP_ISSUER: 'Example Accounts',
    TWO_FACTOR_MAX_FAILURES: MAX_FAILURES,
    TWO_FACTOR_CHALLENGE_TTL_SECONDS: 300,
  });

/**
 * Everything a two-factor handler is built from, around one account (with a pending login challenge
 * and one unused recovery code unless `held` says otherwise): real application services
 * (checker, recovery-code issuer, password confirmation, account directory) on doubles of the
 * infrastructure and of the accounts context (which knows `PASSWORD` as the current password).
 */
export function twoFactorWorld(
  account?: TwoFactorAccount,
  held: {
    challenge?: TwoFactorChallenge;
    recoveryCodes?: RecoveryCode[];
    accountForLogin?: AccountForLogin | null;
  } = {},
) {
  const repository = twoFactorRepositoryHolding({
    account,
    challenge: aChallenge(),
    recoveryCodes: [aRecoveryCode()],
    ...held,
  });
  const hasher = fakeHasher();
  const totp = fakeTotp();
  const settings = twoFactorSettings();
  const queries = answeringQueryBus(
    [GetAccountQuery, anAccountForLogin()],
    [
      FindAccountForLoginQuery,
      (q: FindAccountForLoginQuery) => (q.userId === USER_ID ? anAccountForLogin() : null),
    ],
    [VerifyCurrentPasswordQuery, (q: VerifyCurrentPasswordQuery) => q.password === PASSWORD],
  );
  return {
    repository,
    transactions: immediateTransactions(),
    totp,
    cipher: fakeCipher(),
    settings,
    clock: { now: () => NOW } as Clock,
    qrCodes: {
      toPngDataUrl: jest.fn((text: string) => Promise.resolve(`data:image/png;base64,${text}`)),
    } as unknown as QrCodeRenderer,
    checker: new SecondFactorChecker(totp, hasher, repository, settings),
    recoveryCodes: new RecoveryCodeIssuer(hasher, repository),
    passwords: new PasswordConfirmation(queries),
    directory: new AccountDirectory(queries),
  };
}
