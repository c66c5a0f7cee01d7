import { Query } from '@nestjs/cqrs';

export interface AuditEntryView {
  eventId: string;
  type: string;
  actorAccountId: string | null;
  subjectAccountId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
  payload: Record<string, unknown>;
  occurredAt: string;
}

/** An account's trail, newest first: what happened to it and what it did. */
export class GetAuditTrailQuery extends Query<AuditEntryView[]> {
  constructor(
    readonly accountId: string,
    readonly limit = 100,
    readonly before?: Date,
  ) {
    super();
  }
}
