import type { AuditRecord } from '../../domain/audit-record.entity';
import type { AuditEntryView } from './get-audit-trail/get-audit-trail.query';

export function toAuditEntryView(r: AuditRecord): AuditEntryView {
  return {
    eventId: r.eventId,
    type: r.type,
    actorAccountId: r.actorAccountId,
    subjectAccountId: r.subjectAccountId,
    clientIp: r.clientIp,
    userAgent: r.userAgent,
    requestId: r.requestId,
    staffReason: r.staffReason,
    supportRequestId: r.supportRequestId,
    payload: r.payload,
    occurredAt: r.occurredAt.toISOString(),
  };
}
