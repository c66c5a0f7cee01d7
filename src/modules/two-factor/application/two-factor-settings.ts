import { Logger } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Allow, IsString, Length, ValidateBy, ValidateIf } from 'class-validator';
import { emptyToUndefined, IntegerSetting } from '@app/platform';
import { SITE_NAME } from '../../mail/public-api';
import { parseKeyring, SecretCipher } from '../infrastructure/secret-cipher';

/**
 * Public on purpose and never valid in production (the settings refuse to start there without
 * TOTP_ENCRYPTION_KEY): it only lets a developer or a test run start with no setup.
 */
const DEVELOPMENT_KEYRING = 'dev-only:ZGV2LWtleS1uZXZlci1mb3ItcHJvZHVjdGlvbi11c2U=';

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

/** The two-factor rules an operator can tune (README, "two-factor"). */
export class TwoFactorSettings {
  /** The platform's variable (validated there), read here only to require a key in production. */
  @Allow()
  NODE_ENV?: string;

  /** Unset outside production: the module falls back to a published development key. */
  @Transform(emptyToUndefined)
  @ValidateIf(
    (settings: TwoFactorSettings) =>
      settings.NODE_ENV === 'production' || settings.TOTP_ENCRYPTION_KEY !== undefined,
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
  TOTP_ISSUER = SITE_NAME.ja;

  @IntegerSetting({ min: 1, max: 100 })
  TWO_FACTOR_MAX_FAILURES = 5;

  @IntegerSetting({ min: 30, max: 3600 })
  TWO_FACTOR_CHALLENGE_TTL_SECONDS = 300;

  get issuer(): string {
    return this.TOTP_ISSUER;
  }

  get maxFailures(): number {
    return this.TWO_FACTOR_MAX_FAILURES;
  }

  get challengeTtlSeconds(): number {
    return this.TWO_FACTOR_CHALLENGE_TTL_SECONDS;
  }
}

export function secretCipherFrom(settings: TwoFactorSettings): SecretCipher {
  if (settings.TOTP_ENCRYPTION_KEY)
    return new SecretCipher(parseKeyring(settings.TOTP_ENCRYPTION_KEY));
  new Logger('TwoFactor').warn(
    '!!! TOTP_ENCRYPTION_KEY is not set: two-factor secrets are encrypted with the PUBLIC development key. ' +
      'Never use this outside development and tests. !!!',
  );
  return new SecretCipher(parseKeyring(DEVELOPMENT_KEYRING));
}
