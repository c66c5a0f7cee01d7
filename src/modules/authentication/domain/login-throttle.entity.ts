import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { AggregateRoot } from '@app/ddd';
import {
  LoginCooldownLifted,
  LoginFailed,
  LoginThrottled,
  PasswordChangeRejected,
} from './authentication.events';
import type { LoginFailureReason } from './authentication.events';

export interface CooldownPolicy {
  maxConsecutiveFailures: number;
  cooldownMs: number;
  /** After this long without a new reservation, attempts still marked in flight are taken as abandoned. */
  attemptLeaseMs: number;
}

/** Who tried: the user ID as typed and, when it names one, the account. */
export type LoginAttempt = { userId: string; accountId: string | null };

export type AttemptReservation =
  | { kind: 'reserved' }
  /** Every remaining attempt is in flight: try again once one of them has settled. */
  | { kind: 'busy' }
  | { kind: 'refused'; retryAfterSeconds: number };

/**
 * Consecutive password failures for one login name, kept whether or not an account has that name,
 * so that a cool-down can never tell an attacker which IDs exist.
 *
 * An attempt is counted as a failure *before* its password is verified and settled when the answer
 * is known. Attempts in flight therefore count against the limit, and N parallel guesses can never
 * evaluate more than `maxConsecutiveFailures` passwords (the Keycloak CVE-2024-4629 class). They are
 * also counted apart (`attemptsInFlight`): when only attempts in flight fill the limit, a new attempt
 * is told to wait rather than refused, so parallel right passwords are never turned away; only
 * settled failures start the cool-down.
 */
@Entity({ schema: 'authentication', tableName: 'login_throttle' })
export class LoginThrottle extends AggregateRoot {
  /** The login name in lower case: the ID's case variants are the same account (IDs are unique case-insensitively). */
  @PrimaryKey({ type: 'string', length: 64 })
  loginKey!: string;

  /** Settled failures plus the attempts in flight. */
  @Property({ type: 'integer', default: 0 })
  consecutiveFailures = 0;

  @Property({ type: 'integer', default: 0 })
  attemptsInFlight = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lastReservedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  cooldownUntil: Date | null = null;

  static keyOf(userId: string): string {
    return userId.toLowerCase();
  }

  get settledFailures(): number {
    return this.consecutiveFailures - this.attemptsInFlight;
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

  private reserve(now: Date, policy: CooldownPolicy): AttemptReservation {
    this.releaseAbandonedAttempts(now, policy);
    if (this.cooldownUntil && this.cooldownUntil > now) {
      return { kind: 'refused', retryAfterSeconds: secondsUntil(this.cooldownUntil, now) };
    }
    if (this.cooldownUntil) {
      this.cooldownUntil = null;
      this.consecutiveFailures = this.attemptsInFlight;
    }
    if (this.settledFailures >= policy.maxConsecutiveFailures) {
      // Only after lowering the limit in the configuration: start the cool-down now.
      this.startCooldown(now, policy);
      return { kind: 'refused', retryAfterSeconds: Math.ceil(policy.cooldownMs / 1000) };
    }
    if (this.consecutiveFailures >= policy.maxConsecutiveFailures) return { kind: 'busy' };
    this.consecutiveFailures += 1;
    this.attemptsInFlight += 1;
    this.lastReservedAt = now;
    return { kind: 'reserved' };
  }

  /** The reserved attempt was wrong: it stays counted, and the cool-down starts at the limit. */
  settleFailure(now: Date, policy: CooldownPolicy): void {
    this.attemptsInFlight = Math.max(0, this.attemptsInFlight - 1);
    if (!this.cooldownUntil && this.settledFailures >= policy.maxConsecutiveFailures) {
      this.startCooldown(now, policy);
    }
  }

  /** The reserved attempt was right: the count starts again from the attempts still in flight. */
  settleSuccess(): void {
    this.attemptsInFlight = Math.max(0, this.attemptsInFlight - 1);
    this.consecutiveFailures = this.attemptsInFlight;
    this.cooldownUntil = null;
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

  /**
   * An attempt whose process died never settles. Once no attempt has been reserved for the lease,
   * those still marked in flight stay counted as failures but no longer hold a place.
   */
  private releaseAbandonedAttempts(now: Date, policy: CooldownPolicy): void {
    if (
      this.attemptsInFlight > 0 &&
      this.lastReservedAt &&
      now.getTime() - this.lastReservedAt.getTime() > policy.attemptLeaseMs
    ) {
      this.attemptsInFlight = 0;
    }
  }

  private startCooldown(now: Date, policy: CooldownPolicy): void {
    this.cooldownUntil = new Date(now.getTime() + policy.cooldownMs);
  }
}

function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
