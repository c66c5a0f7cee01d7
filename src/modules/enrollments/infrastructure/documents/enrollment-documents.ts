/** What a 受講票 (attendance ticket) shows: one seat of one classroom session. */
export interface TicketDocument {
  ticketNumber: string;
  attendeeName: string;
  attendeeNameKana: string;
  courseTitle: string;
  courseCode: string;
  /** YYYY-MM-DD, the course date in Japan time. */
  date: string;
  venue: string;
  applicantName: string;
  applicationNumber: string;
}

/** What a 修了証 (completion certificate) shows. */
export interface CertificateDocument {
  certificateNumber: string;
  holderName: string;
  courseTitle: string;
  courseCode: string;
  /** YYYY-MM-DD, the course date (access start for e-learning) in Japan time. */
  date: string;
  /** YYYY-MM-DD, the day the certificate was issued (completion) in Japan time. */
  issuedOn: string;
}

/** Who issues the documents and where a certificate number is checked. */
export interface DocumentIssuer {
  name: string;
  /** The portal's public base URL, without a trailing slash. */
  portalUrl: string;
}
