import { Query } from '@nestjs/cqrs';
import type { AuditEntryView } from '../get-audit-trail/get-audit-trail.query';

export interface AuditExportFilter {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Event types to include; empty for all. */
  types: string[];
}

/** Every audit record in a time range, oldest first, read batch by batch as the caller consumes it. */
export class ExportAuditTrailQuery extends Query<AsyncIterable<AuditEntryView>> {
  constructor(readonly filter: AuditExportFilter) {
    super();
  }
}
