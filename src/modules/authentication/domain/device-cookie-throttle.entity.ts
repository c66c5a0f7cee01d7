import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { DeviceCookieLocked, LoginFailed } from './authentication.events';
import type { LoginFailureReason } from './authentication.events';
import { GuessBudget } from './guess-budget';
import type { CooldownPolicy } from './guess-budget';
import type { LoginAttempt } from './login-throttle.entity';

export type DeviceAttemptReservation = { kind: 'reserved' } | { kind: 'busy' } | { kind: 'locked' };

/**
 * The wrong passwords tried from one device cookie (ADR 0023). They count here instead of against
 * the user ID's cool-down, so that the owner's device stays usable while an attacker without the
 * cookie has put the ID into cool-down. At the limit the cookie itself is locked for the cool-down's
 * length; until then its attempts count as anonymous ones. The row is made at the cookie's first
 * attempt, not when it is issued, and removed when a right password clears its count, so that
 * only devices with failures have one.
 */
@Entity({ schema: 'authentication', tableName: 'device_cookie_throttle' })
export class DeviceCookieThrottle extends GuessBudget {
  @PrimaryKey({ type: 'string', length: 32 })
  nonce!: string;

  /** The user ID the cookie names, in lower case. */
  @Property({ type: 'string', length: 64 })
  loginKey!: string;

  /** A cookie in its lockout answers `locked`: the attempt is then an anonymous one. */
  reserveAttempt(now: Date, policy: CooldownPolicy): DeviceAttemptReservation {
    const reservation = this.reserve(now, policy);
    return reservation.kind === 'refused' ? { kind: 'locked' } : reservation;
  }

  /** The reserved attempt was a wrong login: settled as a failure, recorded, and the cookie locked at the limit. */
  refuseLogin(
    now: Date,
    policy: CooldownPolicy,
    { userId, accountId, reason }: LoginAttempt & { reason: LoginFailureReason },
  ): void {
    const wasLocked = this.cooldownUntil !== null;
    this.settleFailure(now, policy);
    this.record(new LoginFailed({ userId, accountId, reason }));
    if (!wasLocked && this.cooldownUntil) {
      const lockedUntil = this.cooldownUntil.toISOString();
      this.record(new DeviceCookieLocked({ userId, accountId, lockedUntil }));
    }
  }
}
