import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import type { CooldownPolicy } from '../domain/login-throttle.entity';

const MINUTE = 60_000;

/** The authentication settings in the units the code works with. */
@Injectable()
export class AuthenticationSettings {
  readonly cooldown: CooldownPolicy;
  /**
   * How long an attempt waits for a place while the limit is taken by attempts in flight: far
   * longer than the few hashes in flight take, so only a flood of parallel guesses ever reaches it.
   */
  readonly attemptWaitMs = 10_000;
  readonly sessionIdleMs: number;
  readonly sessionLifetimeMs: number;
  readonly passwordMaxLength: number;
  readonly userIdMaxLength = 20;
  readonly temporaryPasswordLength: number;
  readonly reissueTtlMs: number;
  readonly registrationTtlMs: number;
  readonly clientIpLimit: { limit: number; windowMs: number };

  constructor(config: AppConfig) {
    this.cooldown = {
      maxConsecutiveFailures: config.LOGIN_MAX_CONSECUTIVE_FAILURES,
      cooldownMs: config.LOGIN_COOLDOWN_MINUTES * MINUTE,
      attemptLeaseMs: MINUTE,
    };
    this.sessionIdleMs = config.SESSION_IDLE_TIMEOUT_MINUTES * MINUTE;
    this.sessionLifetimeMs = config.SESSION_ABSOLUTE_LIFETIME_MINUTES * MINUTE;
    this.passwordMaxLength = config.PASSWORD_MAX_LENGTH;
    this.temporaryPasswordLength = config.TEMPORARY_PASSWORD_LENGTH;
    this.reissueTtlMs = config.TEMPORARY_PASSWORD_REISSUE_TTL_MINUTES * MINUTE;
    this.registrationTtlMs = config.TEMPORARY_PASSWORD_REGISTRATION_TTL_MINUTES * MINUTE;
    this.clientIpLimit = {
      limit: config.LOGIN_RATE_LIMIT_PER_IP,
      windowMs: config.LOGIN_RATE_LIMIT_WINDOW_SECONDS * 1000,
    };
  }
}
