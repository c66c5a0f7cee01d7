import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditReadModel } from '../../../infrastructure/audit.read-model';
import { toAuditEntryView } from '../audit-entry-view.mapper';
import type { AuditEntryView } from '../get-audit-trail/get-audit-trail.query';
import { GetSupportRequestActionsQuery } from './get-support-request-actions.query';

@QueryHandler(GetSupportRequestActionsQuery)
export class GetSupportRequestActionsHandler
  implements IQueryHandler<GetSupportRequestActionsQuery>
{
  constructor(private readonly readModel: AuditReadModel) {}

  async execute({ supportRequestId }: GetSupportRequestActionsQuery): Promise<AuditEntryView[]> {
    return (await this.readModel.actionsFor(supportRequestId)).map(toAuditEntryView);
  }
}
