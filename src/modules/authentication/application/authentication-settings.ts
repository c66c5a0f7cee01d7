import { Logger } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Allow, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { emptyToUndefined, IntegerSetting } from '@app/platform';
import type { CooldownPolicy } from '../domain/guess-budget';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Public on purpose and never valid in production (the settings refuse to start there without
 * DEVICE_COOKIE_KEY): it only lets a developer or a test run start with no setup.
 */
const DEVELOPMENT_DEVICE_COOKIE_KEY = 'ZGV2LW9ubHktZGV2aWNlLWNvb2tpZS1rZXktbm90LXNlY3JldA';

/**
 * The authentication settings an operator can tune (README, "authentication"), read from the
 * environment, and the same values in the units the code works with.
 */
export class AuthenticationSettings {
  @IntegerSetting({ min: 8, max: 64 })
  PASSWORD_MIN_LENGTH = 8;

  /** Also the longest input the login accepts before it refuses without hashing. */
  @IntegerSetting({ min: 8, max: 256 })
  PASSWORD_MAX_LENGTH = 64;

  @IntegerSetting({ min: 1 })
  SESSION_IDLE_TIMEOUT_MINUTES = 30;

  @IntegerSetting({ min: 1 })
  SESSION_ABSOLUTE_LIFETIME_MINUTES = 720;

  /** Consecutive wrong passwords for one user ID before the cool-down. */
  @IntegerSetting({ min: 1, max: 1000 })
  LOGIN_MAX_CONSECUTIVE_FAILURES = 10;

  @IntegerSetting({ min: 1 })
  LOGIN_COOLDOWN_MINUTES = 15;

  /** Login attempts per client IP per window. */
  @IntegerSetting({ min: 1 })
  LOGIN_RATE_LIMIT_PER_IP = 60;

  @IntegerSetting({ min: 1 })
  LOGIN_RATE_LIMIT_WINDOW_SECONDS = 60;

  /** The platform's variable (validated there), read here only to require a key in production. */
  @Allow()
  NODE_ENV?: string;

  /** HMAC-SHA256 key of the device cookies (ADR 0023); unset outside production: a published development key. */
  @Transform(emptyToUndefined)
  @ValidateIf(
    (settings: AuthenticationSettings) =>
      settings.NODE_ENV === 'production' || settings.DEVICE_COOKIE_KEY !== undefined,
  )
  @Matches(/^[A-Za-z0-9+/_-]{43,}={0,2}$/, {
    message: 'must be set (required in production) to base64 of at least 32 random bytes',
  })
  DEVICE_COOKIE_KEY?: string;

  @IntegerSetting({ min: 1, max: 3650 })
  DEVICE_COOKIE_LIFETIME_DAYS = 180;

  @IntegerSetting({ min: 12, max: 64 })
  TEMPORARY_PASSWORD_LENGTH = 16;

  @IntegerSetting({ min: 1 })
  TEMPORARY_PASSWORD_REISSUE_TTL_MINUTES = 30;

  /** For customers registered by staff or a group administrator (7 days). */
  @IntegerSetting({ min: 1 })
  TEMPORARY_PASSWORD_REGISTRATION_TTL_MINUTES = 10080;

  /** The first administrator, created at start when missing; its password must be changed at first login. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{6,20}$/, { message: 'must be 6-20 half-width letters and digits' })
  BOOTSTRAP_ADMIN_USER_ID?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((settings: AuthenticationSettings) => settings.BOOTSTRAP_ADMIN_USER_ID !== undefined)
  @IsString({ message: 'must be set when BOOTSTRAP_ADMIN_USER_ID is set' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((settings: AuthenticationSettings) => settings.BOOTSTRAP_ADMIN_USER_ID !== undefined)
  @Matches(/^[^@\s]+@[^@\s]+$/, {
    message: 'must be an e-mail address when BOOTSTRAP_ADMIN_USER_ID is set',
  })
  BOOTSTRAP_ADMIN_EMAIL?: string;

  /**
   * How long an attempt waits for a place while the limit is taken by attempts in flight: far
   * longer than the few hashes in flight take, so only a flood of parallel guesses ever reaches it.
   */
  readonly attemptWaitMs = 10_000;
  readonly userIdMaxLength = 20;

  get cooldown(): CooldownPolicy {
    return {
      maxConsecutiveFailures: this.LOGIN_MAX_CONSECUTIVE_FAILURES,
      cooldownMs: this.LOGIN_COOLDOWN_MINUTES * MINUTE,
      attemptLeaseMs: MINUTE,
    };
  }

  get deviceCookieLifetimeMs(): number {
    return this.DEVICE_COOKIE_LIFETIME_DAYS * DAY;
  }

  /** Read once, by the module's factory; warns when it falls back to the development key. */
  deviceCookieKey(): Buffer {
    if (this.DEVICE_COOKIE_KEY) return Buffer.from(this.DEVICE_COOKIE_KEY, 'base64');
    new Logger('Authentication').warn(
      '!!! DEVICE_COOKIE_KEY is not set: device cookies are signed with the PUBLIC development key. ' +
        'Never use this outside development and tests. !!!',
    );
    return Buffer.from(DEVELOPMENT_DEVICE_COOKIE_KEY, 'base64');
  }

  get sessionIdleMs(): number {
    return this.SESSION_IDLE_TIMEOUT_MINUTES * MINUTE;
  }

  get sessionLifetimeMs(): number {
    return this.SESSION_ABSOLUTE_LIFETIME_MINUTES * MINUTE;
  }

  get passwordMaxLength(): number {
    return this.PASSWORD_MAX_LENGTH;
  }

  get temporaryPasswordLength(): number {
    return this.TEMPORARY_PASSWORD_LENGTH;
  }

  get reissueTtlMs(): number {
    return this.TEMPORARY_PASSWORD_REISSUE_TTL_MINUTES * MINUTE;
  }

  get registrationTtlMs(): number {
    return this.TEMPORARY_PASSWORD_REGISTRATION_TTL_MINUTES * MINUTE;
  }

  get clientIpLimit(): { limit: number; windowMs: number } {
    return {
      limit: this.LOGIN_RATE_LIMIT_PER_IP,
      windowMs: this.LOGIN_RATE_LIMIT_WINDOW_SECONDS * 1000,
    };
  }
}
