import { Entity, PrimaryKey } from '@mikro-orm/core';
import {
  LoginCooldownLifted,
  LoginFailed,
  LoginThrottled,
  PasswordChangeRejected,
} from './authentication.events';
import type { LoginFailureReason } from './authentication.events';
import { GuessBudget } from './guess-budget';
import type { AttemptReservation, CooldownPolicy } from './guess-budget';

export type { AttemptReservation, CooldownPolicy } from './guess-budget';

/** Who tried: the user ID as typed and, when it names one, the account. */
export type LoginAttempt = { userId: string; accountId: string | null };

/**
 * Consecutive password failures for one login name from clients without a trusted device cookie,
 * kept whether or not an account has that name, so that a cool-down can never tell an attacker
 * which IDs exist (ADR 0020; device cookies count apart, ADR 0023).
 */
@Entity({ schema: 'authentication', tableName: 'login_throttle' })
export class LoginThrottle extends GuessBudget {
  /** The login name in lower case: the ID's case variants are the same account (IDs are unique case-insensitively). */
  @PrimaryKey({ type: 'string', length: 64 })
  loginKey!: string;

  static keyOf(userId: string): string {
    return userId.toLowerCase();
  }

  /** A refusal records `LoginThrottled` for `attempt`. */
  reserveAttempt(now: Date, policy: CooldownPolicy, attempt: LoginAttempt): AttemptReservation {
    const reservation = this.reserve(now, policy);
    if (reservation.kind === 'refused') {
      const { retryAfterSeconds } = reservation;
      const { userId, accountId } = attempt;
      this.record(new LoginThrottled({ userId, accountId, limit: 'account', retryAfterSeconds }));
    }
    return reservation;
  }

  /** The reserved attempt was a wrong login: settled as a failure, and recorded. */
  refuseLogin(
    now: Date,
    policy: CooldownPolicy,
    { userId, accountId, reason }: LoginAttempt & { reason: LoginFailureReason },
  ): void {
    this.settleFailure(now, policy);
    this.record(new LoginFailed({ userId, accountId, reason }));
  }

  /** The reserved attempt was a wrong current password of a password change: settled as a failure, and recorded. */
  refusePasswordChange(now: Date, policy: CooldownPolicy, accountId: string): void {
    this.settleFailure(now, policy);
    this.record(new PasswordChangeRejected({ accountId, reason: 'wrong_current_password' }));
  }

  /**
   * Support lifts the cool-down: settled failures no longer count (attempts in flight still do).
   * Answers false, recording nothing, when nothing counted.
   */
  liftCooldown(now: Date, by: { accountId: string; userId: string; byAccountId: string }): boolean {
    const clearedFailures = this.settledFailures;
    const wasCoolingDown = this.cooldownUntil !== null && this.cooldownUntil > now;
    if (clearedFailures <= 0 && !wasCoolingDown) return false;
    this.cooldownUntil = null;
    this.consecutiveFailures = this.attemptsInFlight;
    this.record(new LoginCooldownLifted({ ...by, clearedFailures, wasCoolingDown }));
    return true;
  }
}
