import { Query } from '@nestjs/cqrs';
import type {
  CertificateDocument,
  TicketDocument,
} from '../../../infrastructure/documents/enrollment-documents';

export type AttendeeDocumentKind = 'ticket' | 'certificate';

export type AttendeeDocument =
  | { kind: 'ticket'; ticket: TicketDocument }
  | { kind: 'certificate'; certificate: CertificateDocument };

/**
 * What one attendee's ticket or certificate shows, for the applicant account or the attendee's own
 * account; anyone else is told the application does not exist.
 */
export class GetAttendeeDocumentQuery extends Query<AttendeeDocument> {
  constructor(
    readonly accountId: string,
    readonly applicationId: string,
    readonly attendeeId: string,
    readonly kind: AttendeeDocumentKind,
  ) {
    super();
  }
}
