import { IntegerSetting } from '@app/platform';

/** The recovery settings an operator can tune (README, "recovery"). */
export class RecoverySettings {
  /** How long a mailed user-ID lookup password is valid. */
  @IntegerSetting({ min: 1 })
  RECOVERY_LOOKUP_PASSWORD_TTL_MINUTES = 30;

  /** Wrong lookup passwords after which the issued one is void. */
  @IntegerSetting({ min: 1, max: 100 })
  RECOVERY_LOOKUP_PASSWORD_MAX_FAILURES = 5;

  /** Lookup-password and re-issue requests per e-mail address per window (each flow). */
  @IntegerSetting({ min: 1 })
  RECOVERY_LIMIT_PER_ADDRESS = 5;

  /** Password re-issue requests per user ID per window. */
  @IntegerSetting({ min: 1 })
  RECOVERY_LIMIT_PER_USER_ID = 5;

  /** Requests to all recovery endpoints together per client IP per window. */
  @IntegerSetting({ min: 1 })
  RECOVERY_LIMIT_PER_IP = 30;

  @IntegerSetting({ min: 1 })
  RECOVERY_RATE_LIMIT_WINDOW_SECONDS = 3600;
}
