import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SupportReadModel } from '../../../infrastructure/support.read-model';
import { toSupportRequestSummary } from '../support-request-views';
import { ListSupportRequestsQuery } from './list-support-requests.query';
import type { SupportRequestPage } from './list-support-requests.query';

@QueryHandler(ListSupportRequestsQuery)
export class ListSupportRequestsHandler implements IQueryHandler<ListSupportRequestsQuery> {
  constructor(private readonly readModel: SupportReadModel) {}

  async execute({ criteria }: ListSupportRequestsQuery): Promise<SupportRequestPage> {
    const { status, page, pageSize } = criteria;
    const [requests, total] = await this.readModel.inbox(status, {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const now = new Date();
    return {
      items: requests.map((r) => toSupportRequestSummary(r, now)),
      total,
      page,
      pageSize,
    };
  }
}
