import { DomainEvent } from '@app/ddd';
import type { StaffRole } from './staff-role-assignment.entity';

export const AUTHENTICATION_EVENTS = {
  passwordSet: 'authentication.password-set',
  passwordRehashed: 'authentication.password-rehashed',
  passwordChangeRequired: 'authentication.password-change-required',
  temporaryPasswordIssued: 'authentication.temporary-password-issued',
  loginPasswordAccepted: 'authentication.login-password-accepted',
  loginSucceeded: 'authentication.login-succeeded',
  loginFailed: 'authentication.login-failed',
  loginThrottled: 'authentication.login-throttled',
  loggedOut: 'authentication.logged-out',
  passwordChanged: 'authentication.password-changed',
  passwordChangeRejected: 'authentication.password-change-rejected',
  sessionsRevoked: 'authentication.sessions-revoked',
  staffRoleGranted: 'authentication.staff-role-granted',
  staffRoleRevoked: 'authentication.staff-role-revoked',
} as const;

export type LoginFailureReason =
  | 'unknown_user_id'
  | 'account_withdrawn'
  | 'wrong_password'
  | 'input_too_long'
  | 'temporary_password_already_used'
  | 'two_factor_locked';

export class PasswordSet extends DomainEvent<{ accountId: string; userId: string }> {
  readonly type = AUTHENTICATION_EVENTS.passwordSet;
  constructor(accountId: string, userId: string) {
    super(accountId, { accountId, userId });
  }
}

export class PasswordRehashed extends DomainEvent<{ accountId: string; userId: string }> {
  readonly type = AUTHENTICATION_EVENTS.passwordRehashed;
  constructor(accountId: string, userId: string) {
    super(accountId, { accountId, userId });
  }
}

export class PasswordChangeRequired extends DomainEvent<{ accountId: string; userId: string }> {
  readonly type = AUTHENTICATION_EVENTS.passwordChangeRequired;
  constructor(accountId: string, userId: string) {
    super(accountId, { accountId, userId });
  }
}

export class TemporaryPasswordIssued extends DomainEvent<{
  accountId: string;
  userId: string;
  email: string;
  language: string;
  reason: string;
  expiresAt: string;
}> {
  readonly type = AUTHENTICATION_EVENTS.temporaryPasswordIssued;
  constructor(
    input: {
      accountId: string;
      userId: string;
      email: string;
      language: string;
      reason: string;
      expiresAt: Date;
    },
    temporaryPassword: string,
  ) {
    super(
      input.accountId,
      { ...input, expiresAt: input.expiresAt.toISOString() },
      { temporaryPassword },
    );
  }
}

/** The password step passed; the login continues with the second factor. */
export class LoginPasswordAccepted extends DomainEvent<{
  accountId: string;
  userId: string;
  next: string;
  usedTemporaryPassword: boolean;
}> {
  readonly type = AUTHENTICATION_EVENTS.loginPasswordAccepted;
  constructor(payload: {
    accountId: string;
    userId: string;
    next: string;
    usedTemporaryPassword: boolean;
  }) {
    super(payload.accountId, payload);
  }
}

export class LoginSucceeded extends DomainEvent<{
  accountId: string;
  userId: string;
  sessionId: string;
  scope: string;
  method: string;
  renewalRequired: boolean;
}> {
  readonly type = AUTHENTICATION_EVENTS.loginSucceeded;
  constructor(payload: {
    accountId: string;
    userId: string;
    sessionId: string;
    scope: string;
    method: 'password' | 'password_and_two_factor';
    renewalRequired: boolean;
  }) {
    super(payload.accountId, payload);
  }
}

/** Never carries the submitted password; the user ID is kept as typed (bounded) for support. */
export class LoginFailed extends DomainEvent<{
  userId: string;
  accountId: string | null;
  reason: LoginFailureReason;
}> {
  readonly type = AUTHENTICATION_EVENTS.loginFailed;
  constructor(userId: string, accountId: string | null, reason: LoginFailureReason) {
    super(accountId, { userId: userId.slice(0, 64), accountId, reason });
  }
}

export class LoginThrottled extends DomainEvent<{
  userId: string;
  accountId: string | null;
  limit: 'account' | 'client_ip';
  retryAfterSeconds: number;
}> {
  readonly type = AUTHENTICATION_EVENTS.loginThrottled;
  constructor(
    userId: string,
    accountId: string | null,
    limit: 'account' | 'client_ip',
    retryAfterSeconds: number,
  ) {
    super(accountId, { userId: userId.slice(0, 64), accountId, limit, retryAfterSeconds });
  }
}

export class LoggedOut extends DomainEvent<{ accountId: string; sessionId: string }> {
  readonly type = AUTHENTICATION_EVENTS.loggedOut;
  constructor(accountId: string, sessionId: string) {
    super(accountId, { accountId, sessionId });
  }
}

export class PasswordChanged extends DomainEvent<{
  accountId: string;
  userId: string;
  email: string | null;
  language: string;
}> {
  readonly type = AUTHENTICATION_EVENTS.passwordChanged;
  constructor(payload: {
    accountId: string;
    userId: string;
    email: string | null;
    language: string;
  }) {
    super(payload.accountId, payload);
  }
}

/** A password change refused because the current password was wrong. */
export class PasswordChangeRejected extends DomainEvent<{ accountId: string; reason: string }> {
  readonly type = AUTHENTICATION_EVENTS.passwordChangeRejected;
  constructor(accountId: string) {
    super(accountId, { accountId, reason: 'wrong_current_password' });
  }
}

export class SessionsRevoked extends DomainEvent<{
  accountId: string;
  sessionIds: string[];
  reason: string;
}> {
  readonly type = AUTHENTICATION_EVENTS.sessionsRevoked;
  constructor(accountId: string, sessionIds: string[], reason: string) {
    super(accountId, { accountId, sessionIds, reason });
  }
}

export class StaffRoleGranted extends DomainEvent<{
  accountId: string;
  role: StaffRole;
  byAccountId: string | null;
}> {
  readonly type = AUTHENTICATION_EVENTS.staffRoleGranted;
  constructor(accountId: string, role: StaffRole, byAccountId: string | null) {
    super(accountId, { accountId, role, byAccountId });
  }
}

export class StaffRoleRevoked extends DomainEvent<{
  accountId: string;
  role: StaffRole;
  byAccountId: string | null;
}> {
  readonly type = AUTHENTICATION_EVENTS.staffRoleRevoked;
  constructor(accountId: string, role: StaffRole, byAccountId: string | null) {
    super(accountId, { accountId, role, byAccountId });
  }
}
