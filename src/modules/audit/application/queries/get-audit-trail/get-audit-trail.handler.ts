import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { AuditRecord } from '../../../domain/audit-record.entity';
import { GetAuditTrailQuery } from './get-audit-trail.query';
import type { AuditEntryView } from './get-audit-trail.query';

@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute(query: GetAuditTrailQuery): Promise<AuditEntryView[]> {
    const records = await forkForReads(this.em).find(
      AuditRecord,
      {
        $or: [{ subjectAccountId: query.accountId }, { actorAccountId: query.accountId }],
        ...(query.before ? { occurredAt: { $lt: query.before } } : {}),
      },
      {
        orderBy: { occurredAt: 'desc', eventId: 'desc' },
        limit: Math.min(Math.max(query.limit, 1), 500),
      },
    );
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
