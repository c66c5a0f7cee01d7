import { Query } from '@nestjs/cqrs';
import type { AuditEntryView } from '../get-audit-trail/get-audit-trail.query';

/** The recorded events of the staff actions that named this support request, oldest first. */
export class GetSupportRequestActionsQuery extends Query<AuditEntryView[]> {
  constructor(readonly supportRequestId: string) {
    super();
  }
}
