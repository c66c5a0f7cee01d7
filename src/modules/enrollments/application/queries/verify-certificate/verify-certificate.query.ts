import { Query } from '@nestjs/cqrs';

export interface CertificateCheck {
  valid: true;
  number: string;
  courseTitle: string;
  courseCode: string;
  date: string;
  /** Masked (`山＊ ＊＊`); null once the holder withdrew (ADR 0091). */
  holderName: string | null;
}

/** The public check of a certificate number (no login; limited per client IP). */
export class VerifyCertificateQuery extends Query<CertificateCheck> {
  constructor(
    readonly number: string,
    readonly clientIp: string | null,
  ) {
    super();
  }
}
