import { Matches } from 'class-validator';
import { IntegerSetting } from '@app/platform';

/** The enrollments settings an operator can tune (README, "enrollments"). */
export class EnrollmentsSettings {
  /** The portal's address, for the links in the mails (My Page's applications, certificates). */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*[^/\s])?$/, {
    message: 'must be an http(s) URL without a trailing slash',
  })
  ENROLLMENTS_PORTAL_URL = 'http://localhost:3000';

  /**
   * The bearer token of the Internet QA service (`GET /qa/entitlements`). Empty: the endpoint
   * answers 404, as if it did not exist.
   */
  @Matches(/^[\x21-\x7e]*$/, { message: 'must be printable ASCII without spaces' })
  QA_SERVICE_TOKEN = '';

  /** Public certificate checks (`GET /certificates/{number}`) per client IP per window. */
  @IntegerSetting({ min: 1 })
  ENROLLMENTS_CERTIFICATE_CHECKS_PER_IP = 30;

  @IntegerSetting({ min: 1, max: 86_400 })
  ENROLLMENTS_CERTIFICATE_CHECK_WINDOW_SECONDS = 600;

  /** How often the QA reminder job runs (once per period across all instances, ADR 0090). */
  @IntegerSetting({ min: 1, max: 86_400 })
  ENROLLMENTS_QA_REMINDER_INTERVAL_SECONDS = 3600;

  myPageApplicationsUrl(): string {
    return `${this.ENROLLMENTS_PORTAL_URL}/mypage/applications`;
  }

  certificateUrl(applicationId: string, attendeeId: string): string {
    return `${this.ENROLLMENTS_PORTAL_URL}/api/v1/me/applications/${applicationId}/attendees/${attendeeId}/certificate.pdf`;
  }
}
