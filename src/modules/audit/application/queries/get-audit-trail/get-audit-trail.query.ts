import { Query } from '@nestjs/cqrs';

export interface AuditEntryView {
  eventId: string;
  type: string;
  actorAccountId: string | null;
  subjectAccountId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** Why the staff member acted, for the events of a staff action (ADR 0080). */
  staffReason: string | null;
  /** The support request the staff action answered. */
  supportRequestId: string | null;
  payload: Record<string, unknown>;
  occurredAt: string;
}

/** Optional narrowing of a trail: event types, and a period `[from, to)`. */
export interface AuditTrailFilter {
  types?: string[];
  from?: Date;
  to?: Date;
}

/** An account's trail, newest first: what happened to it and what it did. */
export class GetAuditTrailQuery extends Query<AuditEntryView[]> {
  constructor(
    readonly accountId: string,
    readonly limit = 100,
    readonly before?: Date,
    readonly filter: AuditTrailFilter = {},
  ) {
    super();
  }
}
