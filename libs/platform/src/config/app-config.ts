import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  validateSync,
} from 'class-validator';

// Environment variables are strings; anything else passes through for the validators to refuse.
const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string' || value === '') return value === '' ? undefined : value;
  const lower = value.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
  if (['0', 'false', 'no', 'off'].includes(lower)) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string' || value === '') return value === '' ? undefined : value;
  return /^-?\d+$/.test(value) ? Number(value) : value;
};
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** One base64 AES-256 key (32 bytes), or `kid:key` entries with unique kids separated by commas. */
const TOTP_KEY = '[A-Za-z0-9+/]{43}=';
function isTotpKeyring(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (new RegExp(`^${TOTP_KEY}$`).test(value)) return true;
  const ids = value
    .split(',')
    .map((entry) => new RegExp(`^([A-Za-z0-9_-]{1,16}):${TOTP_KEY}$`).exec(entry)?.[1]);
  return ids.every((id) => id !== undefined) && new Set(ids).size === ids.length;
}

/**
 * Every setting of the service, read once from the environment at boot. The README's configuration
 * table mirrors this class: keep them together.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/account_platform';

  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  /** How long a stop signal waits for in-flight requests, queue jobs and the relay before exiting anyway. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  SHUTDOWN_TIMEOUT_MS = 15_000;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'must be 1-64 characters of A-Z a-z 0-9 : _ -' })
  REDIS_KEY_PREFIX = 'account-platform';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_DIR = 'var/mail';

  @Matches(/^.+@.+$/, { message: 'must be an e-mail address, optionally with a display name' })
  MAIL_FROM = '研修ポータル <no-reply@example.jp>';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  MAIL_BACKOFF_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  OUTBOX_BATCH_SIZE = 200;

  /**
   * How long a relayed event may wait for a consumer's acknowledgement before it is relayed again
   * (its job may have been lost with Redis). Keep it well above the longest mail send (30 s of
   * SMTP timeouts), so that a mail still being sent is not sent again from a re-created job.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_REDELIVERY_AFTER_MS = 60_000;

  @Transform(toBoolean)
  @IsBoolean()
  COOKIE_SECURE = true;

  @IsString()
  CORS_ORIGINS = '';

  @IsString()
  TRUST_PROXY = 'loopback';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 300;

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 100kb' })
  BODY_LIMIT = '100kb';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Unset outside production: the two-factor module falls back to a published development key. */
  @Transform(emptyToUndefined)
  @ValidateIf(
    (config: AppConfig) =>
      config.NODE_ENV === 'production' || config.TOTP_ENCRYPTION_KEY !== undefined,
  )
  @ValidateBy(
    { name: 'isTotpKeyring', validator: { validate: isTotpKeyring } },
    {
      message:
        'must be set (required in production) to base64 of 32 random bytes, or to kid:base64,kid:base64 with unique kids (the first one encrypts)',
    },
  )
  TOTP_ENCRYPTION_KEY?: string;

  @IsString()
  @Length(1, 64)
  TOTP_ISSUER = '研修ポータル';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  TWO_FACTOR_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  TWO_FACTOR_CHALLENGE_TTL_SECONDS = 300;

  /** accounts: `GET /accounts/user-id-availability` answers per client IP per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  USER_ID_AVAILABILITY_LIMIT_PER_MINUTE = 30;

  /** accounts: current-password checks per account per hour (e-mail change, withdrawal request). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACCOUNT_PASSWORD_CHECKS_PER_HOUR = 10;

  /** authentication: argon2id memory cost in KiB (OWASP minimum 19456). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  ARGON2_MEMORY_KIB = 19456;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  ARGON2_TIME_COST = 2;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  ARGON2_PARALLELISM = 1;

  @Transform(toInt)
  @IsInt()
  @Min(8)
  @Max(64)
  PASSWORD_MIN_LENGTH = 8;

  /** Also the longest input the login accepts before it refuses without hashing. */
  @Transform(toInt)
  @IsInt()
  @Min(8)
  @Max(256)
  PASSWORD_MAX_LENGTH = 64;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SESSION_IDLE_TIMEOUT_MINUTES = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SESSION_ABSOLUTE_LIFETIME_MINUTES = 720;

  /** authentication: consecutive wrong passwords for one user ID before the cool-down. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_CONSECUTIVE_FAILURES = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_COOLDOWN_MINUTES = 15;

  /** authentication: login attempts per client IP per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_IP = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_WINDOW_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(12)
  @Max(64)
  TEMPORARY_PASSWORD_LENGTH = 16;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  TEMPORARY_PASSWORD_REISSUE_TTL_MINUTES = 30;

  /** For customers registered by staff or a group administrator (7 days). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  TEMPORARY_PASSWORD_REGISTRATION_TTL_MINUTES = 10080;

  /** The first administrator, created at start when missing; its password must be changed at first login. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{6,20}$/, { message: 'must be 6-20 half-width letters and digits' })
  BOOTSTRAP_ADMIN_USER_ID?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((config: AppConfig) => config.BOOTSTRAP_ADMIN_USER_ID !== undefined)
  @IsString({ message: 'must be set when BOOTSTRAP_ADMIN_USER_ID is set' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((config: AppConfig) => config.BOOTSTRAP_ADMIN_USER_ID !== undefined)
  @Matches(/^[^@\s]+@[^@\s]+$/, {
    message: 'must be an e-mail address when BOOTSTRAP_ADMIN_USER_ID is set',
  })
  BOOTSTRAP_ADMIN_EMAIL?: string;

  /** recovery: how long a mailed user-ID lookup password is valid. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RECOVERY_LOOKUP_PASSWORD_TTL_MINUTES = 30;

  /** recovery: wrong lookup passwords after which the issued one is void. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  RECOVERY_LOOKUP_PASSWORD_MAX_FAILURES = 5;

  /** recovery: lookup-password and re-issue requests per e-mail address per window (each flow). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RECOVERY_LIMIT_PER_ADDRESS = 5;

  /** recovery: password re-issue requests per user ID per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RECOVERY_LIMIT_PER_USER_ID = 5;

  /** recovery: requests to all recovery endpoints together per client IP per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RECOVERY_LIMIT_PER_IP = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RECOVERY_RATE_LIMIT_WINDOW_SECONDS = 3600;

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  }

  get trustProxy(): boolean | string | string[] {
    const value = this.TRUST_PROXY.trim();
    if (value === 'false' || value === '') return false;
    if (value === 'true') return true;
    return value.split(',').map((v) => v.trim());
  }
}

export class ConfigError extends Error {}

/**
 * Reads and validates the configuration; the first problem is reported as a single line naming the
 * variable, so that a misconfigured deployment says exactly what to fix.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const input: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined) input[key] = value;
  }
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    const constraints = first.constraints ?? {};
    // A type problem ("must be an integer") explains more than a range problem about a non-number.
    const key = ['isInt', 'isBoolean', 'isIn', 'matches', 'isString'].find((k) => k in constraints);
    const reason = (key ? constraints[key] : Object.values(constraints)[0]) ?? 'is invalid';
    const rule = reason.startsWith(`${first.property} `)
      ? reason.slice(first.property.length + 1)
      : reason;
    throw new ConfigError(`Invalid configuration: ${first.property} ${rule}`);
  }
  return config;
}
