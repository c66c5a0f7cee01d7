import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetSupportRequestActionsQuery } from '../../../../audit/public-api';
import { SupportRequestNotFoundError } from '../../../domain/support.errors';
import { SupportReadModel } from '../../../infrastructure/support.read-model';
import { toSupportRequestDetail } from '../support-request-views';
import type { SupportRequestDetail } from '../support-request-views';
import { GetSupportRequestQuery } from './get-support-request.query';

@QueryHandler(GetSupportRequestQuery)
export class GetSupportRequestHandler implements IQueryHandler<GetSupportRequestQuery> {
  constructor(
    private readonly readModel: SupportReadModel,
    private readonly queries: QueryBus,
  ) {}

  async execute({ supportRequestId }: GetSupportRequestQuery): Promise<SupportRequestDetail> {
    const request = await this.readModel.byId(supportRequestId);
    if (!request) throw new SupportRequestNotFoundError();
    const actions = await this.queries.execute(new GetSupportRequestActionsQuery(request.id));
    return toSupportRequestDetail(request, actions, new Date());
  }
}
