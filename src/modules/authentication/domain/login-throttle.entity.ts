import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export interface CooldownPolicy {
  maxConsecutiveFailures: number;
  cooldownMs: number;
}

export type AttemptReservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Consecutive password failures for one login name, kept whether or not an account has that name,
 * so that a cool-down can never tell an attacker which IDs exist.
 *
 * An attempt is counted as a failure *before* its password is verified and forgiven only when it
 * turns out right. Attempts in flight therefore count against the limit, and N parallel guesses can
 * never evaluate more than `maxConsecutiveFailures` passwords (the Keycloak CVE-2024-4629 class).
 */
@Entity({ schema: 'authentication', tableName: 'login_throttle' })
export class LoginThrottle {
  /** The login name in lower case: the ID's case variants are the same account (IDs are unique case-insensitively). */
  @PrimaryKey({ type: 'string', length: 64 })
  loginKey!: string;

  @Property({ type: 'integer', default: 0 })
  consecutiveFailures = 0;

  @Property({ type: 'timestamptz', nullable: true })
  cooldownUntil: Date | null = null;

  static keyOf(userId: string): string {
    return userId.toLowerCase();
  }

  reserveAttempt(now: Date, policy: CooldownPolicy): AttemptReservation {
    if (this.cooldownUntil && this.cooldownUntil > now) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(
          1,
          Math.ceil((this.cooldownUntil.getTime() - now.getTime()) / 1000),
        ),
      };
    }
    if (this.cooldownUntil) {
      this.cooldownUntil = null;
      this.consecutiveFailures = 0;
    }
    if (this.consecutiveFailures >= policy.maxConsecutiveFailures) {
      // Only after lowering the limit in the configuration: start the cool-down now.
      this.cooldownUntil = new Date(now.getTime() + policy.cooldownMs);
      return { allowed: false, retryAfterSeconds: Math.ceil(policy.cooldownMs / 1000) };
    }
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= policy.maxConsecutiveFailures) {
      this.cooldownUntil = new Date(now.getTime() + policy.cooldownMs);
    }
    return { allowed: true };
  }

  forgive(): void {
    this.consecutiveFailures = 0;
    this.cooldownUntil = null;
  }
}
