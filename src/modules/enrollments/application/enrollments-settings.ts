import { Matches } from 'class-validator';

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

  myPageApplicationsUrl(): string {
    return `${this.ENROLLMENTS_PORTAL_URL}/mypage/applications`;
  }

  certificateUrl(applicationId: string, attendeeId: string): string {
    return `${this.ENROLLMENTS_PORTAL_URL}/api/v1/me/applications/${applicationId}/attendees/${attendeeId}/certificate.pdf`;
  }
}
