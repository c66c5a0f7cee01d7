import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditReadModel } from '../../../infrastructure/audit.read-model';
import { GetAuditTrailQuery } from './get-audit-trail.query';
import type { AuditEntryView } from './get-audit-trail.query';

@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery> {
  constructor(private readonly readModel: AuditReadModel) {}

  async execute(query: GetAuditTrailQuery): Promise<AuditEntryView[]> {
    const records = await this.readModel.trailOf(query.accountId, query);
    return records.map((r) => ({
      eventId: r.eventId,
      type: r.type,
      actorAccountId: r.actorAccountId,
      subjectAccountId: r.subjectAccountId,
      clientIp: r.clientIp,
      userAgent: r.userAgent,
      requestId: r.requestId,
      payload: r.payload,
      occurredAt: r.occurredAt.toISOString(),
    }));
  }
}
