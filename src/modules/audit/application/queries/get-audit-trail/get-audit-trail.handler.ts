import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditReadModel } from '../../../infrastructure/audit.read-model';
import { toAuditEntryView } from '../audit-entry-view.mapper';
import { GetAuditTrailQuery } from './get-audit-trail.query';
import type { AuditEntryView } from './get-audit-trail.query';

@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery> {
  constructor(private readonly readModel: AuditReadModel) {}

  async execute(query: GetAuditTrailQuery): Promise<AuditEntryView[]> {
    const records = await this.readModel.trailOf(query.accountId, query, query.filter);
    return records.map(toAuditEntryView);
  }
}
