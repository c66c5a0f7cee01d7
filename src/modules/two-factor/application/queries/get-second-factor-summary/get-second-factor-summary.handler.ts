import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GetSecondFactorSummaryQuery } from '../../../../accounts/public-api';
import type { SecondFactorSummary } from '../../../../accounts/public-api';
import { TwoFactorReadModel } from '../../../infrastructure/two-factor.read-model';
import { secondFactorSummaryOf } from '../second-factor-summary';

/** Answers the accounts context's port for My Page and the support view of an account. */
@QueryHandler(GetSecondFactorSummaryQuery)
export class GetSecondFactorSummaryHandler implements IQueryHandler<GetSecondFactorSummaryQuery> {
  constructor(private readonly twoFactor: TwoFactorReadModel) {}

  async execute({ accountId }: GetSecondFactorSummaryQuery): Promise<SecondFactorSummary> {
    return secondFactorSummaryOf(await this.twoFactor.secondFactorOf(accountId));
  }
}
