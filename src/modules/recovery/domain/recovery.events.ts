import { DomainEvent } from '@app/ddd';

export type RecoveryFlow = 'lookup_password_request' | 'user_id_lookup' | 'password_reissue';

export type LookupFailureReason =
  | 'no_lookup_password'
  | 'wrong_password'
  | 'expired'
  | 'already_used'
  | 'voided';

export type ReissueOutcome = 'issued' | 'unknown_user_id' | 'email_mismatch' | 'two_factor_locked';

export type UserIdLookupRequestedPayload = {
  emailHash: string;
  matchingAccounts: number;
};

/**
 * Addresses are identified by `emailHash` (SHA-256 of the normalised address) so that the audit
 * trail can correlate requests without storing addresses nobody registered.
 */
export class UserIdLookupRequested extends DomainEvent<UserIdLookupRequestedPayload> {
  static readonly TYPE = 'recovery.user-id-lookup-requested';
  readonly type = UserIdLookupRequested.TYPE;

  constructor(payload: UserIdLookupRequestedPayload) {
    super(null, payload);
  }
}

export type LookupPasswordIssuedPayload = {
  emailHash: string;
  email: string;
  language: 'ja' | 'en';
  accountIds: string[];
  /** ISO 8601. */
  expiresAt: string;
};

/** Mail-worthy: the lookup password travels in `secrets` only. */
export class LookupPasswordIssued extends DomainEvent<LookupPasswordIssuedPayload> {
  static readonly TYPE = 'recovery.lookup-password-issued';
  readonly type = LookupPasswordIssued.TYPE;

  constructor(payload: LookupPasswordIssuedPayload, lookupPassword: string) {
    super(payload.accountIds[0] ?? null, payload, { lookupPassword });
  }
}

export type UserIdLookupCompletedPayload = {
  emailHash: string;
  accountIds: string[];
};

export class UserIdLookupCompleted extends DomainEvent<UserIdLookupCompletedPayload> {
  static readonly TYPE = 'recovery.user-id-lookup-completed';
  readonly type = UserIdLookupCompleted.TYPE;

  constructor(payload: UserIdLookupCompletedPayload) {
    super(payload.accountIds[0] ?? null, payload);
  }
}

export type UserIdLookupFailedPayload = {
  emailHash: string;
  reason: LookupFailureReason;
  failedAttempts: number;
};

export class UserIdLookupFailed extends DomainEvent<UserIdLookupFailedPayload> {
  static readonly TYPE = 'recovery.user-id-lookup-failed';
  readonly type = UserIdLookupFailed.TYPE;

  constructor(payload: UserIdLookupFailedPayload) {
    super(null, payload);
  }
}

export type PasswordReissueRequestedPayload = {
  userId: string;
  accountId: string | null;
  emailHash: string;
  outcome: ReissueOutcome;
};

/** The user ID is kept as typed (bounded) so support can follow a customer's attempts. */
export class PasswordReissueRequested extends DomainEvent<PasswordReissueRequestedPayload> {
  static readonly TYPE = 'recovery.password-reissue-requested';
  readonly type = PasswordReissueRequested.TYPE;

  constructor(payload: PasswordReissueRequestedPayload) {
    super(payload.accountId, { ...payload, userId: payload.userId.slice(0, 64) });
  }
}

export type RecoveryRateLimitedPayload = {
  flow: RecoveryFlow;
  limits: string[];
  emailHash: string | null;
  retryAfterSeconds: number;
};

export class RecoveryRateLimited extends DomainEvent<RecoveryRateLimitedPayload> {
  static readonly TYPE = 'recovery.rate-limited';
  readonly type = RecoveryRateLimited.TYPE;

  constructor(payload: RecoveryRateLimitedPayload) {
    super(null, payload);
  }
}
