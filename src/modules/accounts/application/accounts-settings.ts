import { IntegerSetting } from '@app/platform';

/** The accounts settings an operator can tune (README, "accounts"). */
export class AccountsSettings {
  /** `GET /accounts/user-id-availability` answers per client IP per minute. */
  @IntegerSetting({ min: 1 })
  USER_ID_AVAILABILITY_LIMIT_PER_MINUTE = 30;

  /** Current-password checks per account per hour (e-mail change, withdrawal request). */
  @IntegerSetting({ min: 1 })
  ACCOUNT_PASSWORD_CHECKS_PER_HOUR = 10;
}
