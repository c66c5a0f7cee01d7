import { DomainEvent } from '@app/ddd';
import type { StaffRole } from './staff-role-assignment.entity';

export type LoginFailureReason =
  | 'unknown_user_id'
  | 'account_withdrawn'
  | 'wrong_password'
  | 'input_too_long'
  | 'temporary_password_already_used'
  | 'two_factor_locked';

export type PasswordSetPayload = { accountId: string; userId: string };

export class PasswordSet extends DomainEvent<PasswordSetPayload> {
  static readonly TYPE = 'authentication.password-set';
  readonly type = PasswordSet.TYPE;

  constructor(payload: PasswordSetPayload) {
    super(payload.accountId, payload);
  }
}

export type PasswordRehashedPayload = { accountId: string; userId: string };

export class PasswordRehashed extends DomainEvent<PasswordRehashedPayload> {
  static readonly TYPE = 'authentication.password-rehashed';
  readonly type = PasswordRehashed.TYPE;

  constructor(payload: PasswordRehashedPayload) {
    super(payload.accountId, payload);
  }
}

export type PasswordChangeRequiredPayload = { accountId: string; userId: string };

export class PasswordChangeRequired extends DomainEvent<PasswordChangeRequiredPayload> {
  static readonly TYPE = 'authentication.password-change-required';
  readonly type = PasswordChangeRequired.TYPE;

  constructor(payload: PasswordChangeRequiredPayload) {
    super(payload.accountId, payload);
  }
}

export type TemporaryPasswordIssuedPayload = {
  accountId: string;
  userId: string;
  email: string;
  language: string;
  reason: string;
  /** ISO 8601. */
  expiresAt: string;
};

/** Mail-worthy: the temporary password travels in `secrets` only. */
export class TemporaryPasswordIssued extends DomainEvent<TemporaryPasswordIssuedPayload> {
  static readonly TYPE = 'authentication.temporary-password-issued';
  readonly type = TemporaryPasswordIssued.TYPE;

  constructor(payload: TemporaryPasswordIssuedPayload, temporaryPassword: string) {
    super(payload.accountId, payload, { temporaryPassword });
  }
}

export type LoginPasswordAcceptedPayload = {
  accountId: string;
  userId: string;
  next: string;
  usedTemporaryPassword: boolean;
};

/** The password step passed; the login continues with the second factor. */
export class LoginPasswordAccepted extends DomainEvent<LoginPasswordAcceptedPayload> {
  static readonly TYPE = 'authentication.login-password-accepted';
  readonly type = LoginPasswordAccepted.TYPE;

  constructor(payload: LoginPasswordAcceptedPayload) {
    super(payload.accountId, payload);
  }
}

export type LoginSucceededPayload = {
  accountId: string;
  userId: string;
  sessionId: string;
  scope: string;
  method: 'password' | 'password_and_two_factor';
  renewalRequired: boolean;
};

export class LoginSucceeded extends DomainEvent<LoginSucceededPayload> {
  static readonly TYPE = 'authentication.login-succeeded';
  readonly type = LoginSucceeded.TYPE;

  constructor(payload: LoginSucceededPayload) {
    super(payload.accountId, payload);
  }
}

export type LoginFailedPayload = {
  userId: string;
  accountId: string | null;
  reason: LoginFailureReason;
};

/** Never carries the submitted password; the user ID is kept as typed (bounded) for support. */
export class LoginFailed extends DomainEvent<LoginFailedPayload> {
  static readonly TYPE = 'authentication.login-failed';
  readonly type = LoginFailed.TYPE;

  constructor(payload: LoginFailedPayload) {
    super(payload.accountId, { ...payload, userId: payload.userId.slice(0, 64) });
  }
}

export type LoginThrottledPayload = {
  userId: string;
  accountId: string | null;
  limit: 'account' | 'client_ip';
  retryAfterSeconds: number;
};

/** The user ID is kept as typed (bounded), as for a failed login. */
export class LoginThrottled extends DomainEvent<LoginThrottledPayload> {
  static readonly TYPE = 'authentication.login-throttled';
  readonly type = LoginThrottled.TYPE;

  constructor(payload: LoginThrottledPayload) {
    super(payload.accountId, { ...payload, userId: payload.userId.slice(0, 64) });
  }
}

export type DeviceCookieLockedPayload = {
  userId: string;
  accountId: string | null;
  /** ISO 8601. */
  lockedUntil: string;
};

/** Wrong passwords from one device cookie reached the limit: until then it counts as anonymous (ADR 0023). */
export class DeviceCookieLocked extends DomainEvent<DeviceCookieLockedPayload> {
  static readonly TYPE = 'authentication.device-cookie-locked';
  readonly type = DeviceCookieLocked.TYPE;

  constructor(payload: DeviceCookieLockedPayload) {
    super(payload.accountId, payload);
  }
}

export type LoggedOutPayload = { accountId: string; sessionId: string };

export class LoggedOut extends DomainEvent<LoggedOutPayload> {
  static readonly TYPE = 'authentication.logged-out';
  readonly type = LoggedOut.TYPE;

  constructor(payload: LoggedOutPayload) {
    super(payload.accountId, payload);
  }
}

export type PasswordChangedPayload = {
  accountId: string;
  userId: string;
  email: string | null;
  language: string;
};

export class PasswordChanged extends DomainEvent<PasswordChangedPayload> {
  static readonly TYPE = 'authentication.password-changed';
  readonly type = PasswordChanged.TYPE;

  constructor(payload: PasswordChangedPayload) {
    super(payload.accountId, payload);
  }
}

export type PasswordChangeRejectedPayload = {
  accountId: string;
  reason: 'wrong_current_password';
};

/** A password change refused because the current password was wrong. */
export class PasswordChangeRejected extends DomainEvent<PasswordChangeRejectedPayload> {
  static readonly TYPE = 'authentication.password-change-rejected';
  readonly type = PasswordChangeRejected.TYPE;

  constructor(payload: PasswordChangeRejectedPayload) {
    super(payload.accountId, payload);
  }
}

export type SessionsRevokedPayload = {
  accountId: string;
  sessionIds: string[];
  reason: string;
};

export class SessionsRevoked extends DomainEvent<SessionsRevokedPayload> {
  static readonly TYPE = 'authentication.sessions-revoked';
  readonly type = SessionsRevoked.TYPE;

  constructor(payload: SessionsRevokedPayload) {
    super(payload.accountId, payload);
  }
}

export type StaffRoleGrantedPayload = {
  accountId: string;
  role: StaffRole;
  byAccountId: string | null;
};

export class StaffRoleGranted extends DomainEvent<StaffRoleGrantedPayload> {
  static readonly TYPE = 'authentication.staff-role-granted';
  readonly type = StaffRoleGranted.TYPE;

  constructor(payload: StaffRoleGrantedPayload) {
    super(payload.accountId, payload);
  }
}

export type StaffRoleRevokedPayload = {
  accountId: string;
  role: StaffRole;
  byAccountId: string | null;
};

export class StaffRoleRevoked extends DomainEvent<StaffRoleRevokedPayload> {
  static readonly TYPE = 'authentication.staff-role-revoked';
  readonly type = StaffRoleRevoked.TYPE;

  constructor(payload: StaffRoleRevokedPayload) {
    super(payload.accountId, payload);
  }
}

export type LoginCooldownLiftedPayload = {
  accountId: string;
  userId: string;
  byAccountId: string;
  /** The failures that no longer count, and whether a cool-down was running. */
  clearedFailures: number;
  wasCoolingDown: boolean;
};

/** Support lifted the password cool-down of a user ID (ADR 0080). */
export class LoginCooldownLifted extends DomainEvent<LoginCooldownLiftedPayload> {
  static readonly TYPE = 'authentication.login-cooldown-lifted';
  readonly type = LoginCooldownLifted.TYPE;

  constructor(payload: LoginCooldownLiftedPayload) {
    super(payload.accountId, payload);
  }
}
