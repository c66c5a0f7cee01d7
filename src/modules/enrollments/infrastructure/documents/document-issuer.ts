import { Injectable } from '@nestjs/common';
import { SITE_NAME } from '../../../mail/public-api';
import { EnrollmentsSettings } from '../../application/enrollments-settings';
import type { DocumentIssuer } from './enrollment-documents';

/** Who the documents name as their issuer, and the portal where a certificate is verified. */
@Injectable()
export class DocumentIssuerProvider {
  constructor(private readonly settings: EnrollmentsSettings) {}

  issuer(): DocumentIssuer {
    return { name: SITE_NAME.ja, portalUrl: this.settings.ENROLLMENTS_PORTAL_URL };
  }
}
