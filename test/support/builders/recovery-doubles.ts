import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccountForLogin } from '../../../src/modules/accounts/public-api';
import { RecoveryRateLimits } from '../../../src/modules/recovery/application/recovery-rate-limits';
import { RecoverySettings } from '../../../src/modules/recovery/application/recovery-settings';
import { LookupPassword } from '../../../src/modules/recovery/domain/lookup-password.entity';
import { emailHash } from '../../../src/modules/recovery/domain/recovery-secrets';
import type { LookupPasswordRepository } from '../../../src/modules/recovery/infrastructure/lookup-password.repository';
import { anAccountForLogin } from './authentication-doubles';
import { hashOf, rateLimiter } from './platform-doubles';
import type { TransactionsDouble } from './transactions-double';

export const EMAIL = 'taro@example.jp';
export const LOOKUP_PASSWORD = 'Kp7mWx3RtZq9';
export const MAX_LOOKUP_FAILURES = 5;

export const recoveryConfig = () =>
  Object.assign(new RecoverySettings(), {
    RECOVERY_LOOKUP_PASSWORD_MAX_FAILURES: MAX_LOOKUP_FAILURES,
    RECOVERY_LOOKUP_PASSWORD_TTL_MINUTES: 30,
    RECOVERY_RATE_LIMIT_WINDOW_SECONDS: 3600,
    RECOVERY_LIMIT_PER_IP: 20,
    RECOVERY_LIMIT_PER_ADDRESS: 5,
    RECOVERY_LIMIT_PER_USER_ID: 5,
  });

/** The real rate limits on a limiter double: everything passes unless `refusedFor` is given. */
export function recoveryRateLimits(transactions: TransactionsDouble, refusedFor?: number) {
  return new RecoveryRateLimits(rateLimiter({ refusedFor }), transactions, recoveryConfig());
}

/** Two active accounts registered with `EMAIL`, as FindActiveAccountsByEmailQuery answers. */
export const accountsOfEmail = (): AccountForLogin[] => [
  anAccountForLogin(),
  anAccountForLogin({ accountId: '0190a3c4-0000-7000-8000-000000000002', userId: 'Yamada02' }),
];

/** `aLookupPassword({ minutesLeft: -1 })`: issued through the aggregate for `EMAIL`. */
export function aLookupPassword(options: { plain?: string; minutesLeft?: number } = {}) {
  const lookup = LookupPassword.forAddress(emailHash(EMAIL));
  const now = Date.now();
  const plain = options.plain ?? LOOKUP_PASSWORD;
  lookup.issue({
    hash: hashOf(plain),
    plain,
    now: new Date(now - 60_000),
    expiresAt: new Date(now + (options.minutesLeft ?? 30) * 60_000),
    email: EMAIL,
    language: 'ja',
    accountIds: accountsOfEmail().map((account) => account.accountId),
  });
  lookup.pullEvents();
  return lookup;
}

/**
 * The lookup-password rows of a few addresses. Reads answer what it holds (the unlocked read and the
 * locked one alike); `lockOrCreate` creates a row for a new address and then holds it.
 */
export function lookupPasswordsHolding(
  ...held: LookupPassword[]
): jest.Mocked<LookupPasswordRepository> & { held: LookupPassword[] } {
  const rows = [...held];
  const rowOf = (hash: string) => rows.find((row) => row.emailHash === hash) ?? null;
  return {
    held: rows,
    find: jest.fn((_em: EntityManager, hash: string) => Promise.resolve(rowOf(hash))),
    lock: jest.fn((_em: EntityManager, hash: string) => Promise.resolve(rowOf(hash))),
    lockOrCreate: jest.fn(
      (
        _em: EntityManager,
        hash: string,
        initial: { passwordHash: string; issuedAt: Date; expiresAt: Date },
      ) => {
        const existing = rowOf(hash);
        if (existing) return Promise.resolve(existing);
        const created = Object.assign(LookupPassword.forAddress(hash), initial);
        rows.push(created);
        return Promise.resolve(created);
      },
    ),
  } as unknown as jest.Mocked<LookupPasswordRepository> & { held: LookupPassword[] };
}
