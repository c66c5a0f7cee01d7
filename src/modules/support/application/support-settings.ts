import { IntegerSetting } from '@app/platform';

/** The support settings an operator can tune (README, "support"). */
export class SupportSettings {
  /** Contact-form messages per e-mail address per window. */
  @IntegerSetting({ min: 1 })
  SUPPORT_CONTACT_LIMIT_PER_ADDRESS = 5;

  /** Contact-form messages per client IP per window. */
  @IntegerSetting({ min: 1 })
  SUPPORT_CONTACT_LIMIT_PER_IP = 20;

  @IntegerSetting({ min: 1 })
  SUPPORT_CONTACT_WINDOW_SECONDS = 3600;
}
