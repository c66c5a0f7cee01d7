import { IntegerSetting } from '@app/platform';

/** The privacy context's settings (ADR 0007). */
export class PrivacySettings {
  /** Downloads of one's own data (`GET /me/export`) per account per hour. */
  @IntegerSetting({ min: 1, max: 1000 })
  PERSONAL_DATA_EXPORTS_PER_HOUR = 5;
}
