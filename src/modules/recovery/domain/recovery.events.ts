import { DomainEvent } from '@app/ddd';

export const RECOVERY_EVENTS = {
  userIdLookupRequested: 'recovery.user-id-lookup-requested',
  lookupPasswordIssued: 'recovery.lookup-password-issued',
  userIdLookupCompleted: 'recovery.user-id-lookup-completed',
  userIdLookupFailed: 'recovery.user-id-lookup-failed',
  passwordReissueRequested: 'recovery.password-reissue-requested',
  rateLimited: 'recovery.rate-limited',
} as const;

export type RecoveryFlow = 'lookup_password_request' | 'user_id_lookup' | 'password_reissue';

export type LookupFailureReason =
  | 'no_lookup_password'
  | 'wrong_password'
  | 'expired'
  | 'already_used'
  | 'voided';

export type ReissueOutcome = 'issued' | 'unknown_user_id' | 'email_mismatch' | 'two_factor_locked';

/**
 * Addresses are identified by `emailHash` (SHA-256 of the normalised address) so that the audit
 * trail can correlate requests without storing addresses nobody registered.
 */
export class UserIdLookupRequested extends DomainEvent<{
  emailHash: string;
  matchingAccounts: number;
}> {
  readonly type = RECOVERY_EVENTS.userIdLookupRequested;
  constructor(emailHash: string, matchingAccounts: number) {
    super(null, { emailHash, matchingAccounts });
  }
}

/** Mail-worthy: the lookup password travels in `secrets` only. */
export class LookupPasswordIssued extends DomainEvent<{
  emailHash: string;
  email: string;
  language: string;
  accountIds: string[];
  expiresAt: string;
}> {
  readonly type = RECOVERY_EVENTS.lookupPasswordIssued;
  constructor(
    input: {
      emailHash: string;
      email: string;
      language: 'ja' | 'en';
      accountIds: string[];
      expiresAt: Date;
    },
    lookupPassword: string,
  ) {
    super(
      input.accountIds[0] ?? null,
      { ...input, expiresAt: input.expiresAt.toISOString() },
      { lookupPassword },
    );
  }
}

export class UserIdLookupCompleted extends DomainEvent<{
  emailHash: string;
  accountIds: string[];
}> {
  readonly type = RECOVERY_EVENTS.userIdLookupCompleted;
  constructor(emailHash: string, accountIds: string[]) {
    super(accountIds[0] ?? null, { emailHash, accountIds });
  }
}

export class UserIdLookupFailed extends DomainEvent<{
  emailHash: string;
  reason: LookupFailureReason;
  failedAttempts: number;
}> {
  readonly type = RECOVERY_EVENTS.userIdLookupFailed;
  constructor(emailHash: string, reason: LookupFailureReason, failedAttempts: number) {
    super(null, { emailHash, reason, failedAttempts });
  }
}

/** The user ID is kept as typed (bounded) so support can follow a customer's attempts. */
export class PasswordReissueRequested extends DomainEvent<{
  userId: string;
  accountId: string | null;
  emailHash: string;
  outcome: ReissueOutcome;
}> {
  readonly type = RECOVERY_EVENTS.passwordReissueRequested;
  constructor(payload: {
    userId: string;
    accountId: string | null;
    emailHash: string;
    outcome: ReissueOutcome;
  }) {
    super(payload.accountId, { ...payload, userId: payload.userId.slice(0, 64) });
  }
}

export class RecoveryRateLimited extends DomainEvent<{
  flow: RecoveryFlow;
  limits: string[];
  emailHash: string | null;
  retryAfterSeconds: number;
}> {
  readonly type = RECOVERY_EVENTS.rateLimited;
  constructor(payload: {
    flow: RecoveryFlow;
    limits: string[];
    emailHash: string | null;
    retryAfterSeconds: number;
  }) {
    super(null, payload);
  }
}
