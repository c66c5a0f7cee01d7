import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, Matches } from 'class-validator';
import { Environment, IntegerSetting, readSettings, toBoolean } from './settings';
import type { Variables } from './settings';

/**
 * The platform's settings, read once from the environment at boot; each context declares its own
 * settings class beside its code (SettingsModule.forContext). The README's configuration table
 * mirrors these classes, grouped by context: keep them together.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IntegerSetting({ min: 0, max: 65535 })
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/account_platform';

  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  /** How long a stop signal waits for in-flight requests, queue jobs and the relay before exiting anyway. */
  @IntegerSetting({ min: 100 })
  SHUTDOWN_TIMEOUT_MS = 15_000;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'must be 1-64 characters of A-Z a-z 0-9 : _ -' })
  REDIS_KEY_PREFIX = 'account-platform';

  @IntegerSetting({ min: 10 })
  OUTBOX_POLL_INTERVAL_MS = 1000;

  @IntegerSetting({ min: 1, max: 1000 })
  OUTBOX_BATCH_SIZE = 200;

  /**
   * How long a relayed event may wait for a consumer's acknowledgement before it is relayed again
   * (its job may have been lost with Redis). Keep it well above the longest mail send (30 s of
   * SMTP timeouts), so that a mail still being sent is not sent again from a re-created job.
   */
  @IntegerSetting({ min: 100 })
  OUTBOX_REDELIVERY_AFTER_MS = 60_000;

  @Transform(toBoolean)
  @IsBoolean()
  COOKIE_SECURE = true;

  @IsString()
  CORS_ORIGINS = '';

  /** The built browser app (`vite build`), served at `/`; relative paths are from the working directory. */
  @IsString()
  WEB_DIR = 'web/dist';

  @IsString()
  TRUST_PROXY = 'loopback';

  @IntegerSetting({ min: 1 })
  RATE_LIMIT_PER_MINUTE = 300;

  /**
   * Tokens of the global limit each instance takes from Redis per round trip (ADR 0099); a client
   * may be refused up to (instances − 1) × this many requests early. 1: a round trip per request.
   */
  @IntegerSetting({ min: 1, max: 1000 })
  RATE_LIMIT_BLOCK = 10;

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 100kb' })
  BODY_LIMIT = '100kb';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** `auto`: readable lines in a development terminal, JSON lines everywhere else. */
  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT: 'auto' | 'json' | 'pretty' = 'auto';

  /** Bearer token that `/metrics` requires; unset, the endpoint does not exist. */
  @Matches(/^([A-Za-z0-9._~+/=-]{16,256})?$/, {
    message: 'must be empty or 16-256 characters of A-Z a-z 0-9 . _ ~ + / = -',
  })
  METRICS_TOKEN = '';

  /** `/health/ready` answers 503 while the oldest undelivered event is older than this. */
  @IntegerSetting({ min: 1 })
  READINESS_OUTBOX_MAX_AGE_SECONDS = 300;

  /** argon2id memory cost in KiB (OWASP minimum 19456), for the shared SecretHasher. */
  @IntegerSetting({ min: 1024 })
  ARGON2_MEMORY_KIB = 19456;

  @IntegerSetting({ min: 1, max: 20 })
  ARGON2_TIME_COST = 2;

  @IntegerSetting({ min: 1, max: 16 })
  ARGON2_PARALLELISM = 1;

  /** The variables this configuration was read from, for the contexts' settings to read too. */
  environment: Environment;

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  }

  /** Human-readable logs only for a person watching a development terminal. */
  get prettyLogs(): boolean {
    if (this.LOG_FORMAT !== 'auto') return this.LOG_FORMAT === 'pretty';
    return this.NODE_ENV === 'development' && process.stdout.isTTY === true;
  }

  get trustProxy(): boolean | string | string[] {
    const value = this.TRUST_PROXY.trim();
    if (value === 'false' || value === '') return false;
    if (value === 'true') return true;
    return value.split(',').map((v) => v.trim());
  }
}

/**
 * Reads and validates the platform configuration; the first problem is reported as a single line
 * naming the variable, so that a misconfigured deployment says exactly what to fix.
 */
export function loadConfig(env: Variables = process.env): AppConfig {
  const config = readSettings(AppConfig, env);
  config.environment = new Environment(env);
  return config;
}
