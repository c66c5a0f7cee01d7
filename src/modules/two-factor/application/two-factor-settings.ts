import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { parseKeyring, SecretCipher } from '../infrastructure/secret-cipher';

/**
 * Public on purpose and never valid in production (the configuration refuses to start there
 * without TOTP_ENCRYPTION_KEY): it only lets a developer or a test run start with no setup.
 */
const DEVELOPMENT_KEYRING = 'dev-only:ZGV2LWtleS1uZXZlci1mb3ItcHJvZHVjdGlvbi11c2U=';

export function secretCipherFrom(config: AppConfig): SecretCipher {
  if (config.TOTP_ENCRYPTION_KEY) return new SecretCipher(parseKeyring(config.TOTP_ENCRYPTION_KEY));
  new Logger('TwoFactor').warn(
    '!!! TOTP_ENCRYPTION_KEY is not set: two-factor secrets are encrypted with the PUBLIC development key. ' +
      'Never use this outside development and tests. !!!',
  );
  return new SecretCipher(parseKeyring(DEVELOPMENT_KEYRING));
}

/** The two-factor rules an operator can tune. */
@Injectable()
export class TwoFactorSettings {
  readonly issuer: string;
  readonly maxFailures: number;
  readonly challengeTtlSeconds: number;

  constructor(config: AppConfig) {
    this.issuer = config.TOTP_ISSUER;
    this.maxFailures = config.TWO_FACTOR_MAX_FAILURES;
    this.challengeTtlSeconds = config.TWO_FACTOR_CHALLENGE_TTL_SECONDS;
  }
}
