import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { FindAccountForLoginQuery } from '../../../../accounts/public-api';
import { QaEntitlement } from '../../../domain/qa-entitlement';
import { EnrollmentsReadModel } from '../../../infrastructure/enrollments.read-model';
import { GetQaEntitlementQuery } from './get-qa-entitlement.query';
import type { QaEntitlementAnswer } from './get-qa-entitlement.query';

@QueryHandler(GetQaEntitlementQuery)
export class GetQaEntitlementHandler implements IQueryHandler<GetQaEntitlementQuery> {
  constructor(
    private readonly queries: QueryBus,
    private readonly readModel: EnrollmentsReadModel,
  ) {}

  async execute({ userId, courseCode, now }: GetQaEntitlementQuery): Promise<QaEntitlementAnswer> {
    const none = { userId, courseCode, entitled: false, endsAt: null, lastDay: null };
    // Matched exactly, as login matches it; a withdrawn account is answered like an unknown ID.
    const account = await this.queries.execute(new FindAccountForLoginQuery(userId));
    if (!account || account.status === 'withdrawn') return none;
    const entitlements = (await this.readModel.seatsOf(account.accountId, courseCode)).map((seat) =>
      QaEntitlement.from(seat.startDate),
    );
    const latestFirst = entitlements.sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime());
    const chosen = latestFirst.find((entitlement) => entitlement.entitledAt(now)) ?? latestFirst[0];
    if (!chosen) return none;
    return { userId, courseCode, ...chosen.view(now) };
  }
}
