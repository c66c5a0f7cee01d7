import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { GetSecondFactorSummaryQuery } from '../../../../accounts/public-api';
import type { SecondFactorSummary } from '../../../../accounts/public-api';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';
import { secondFactorSummaryOf } from '../second-factor-summary';

/** Answers the accounts context's port for My Page and the support view of an account. */
@QueryHandler(GetSecondFactorSummaryQuery)
export class GetSecondFactorSummaryHandler implements IQueryHandler<GetSecondFactorSummaryQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: TwoFactorRepository,
  ) {}

  async execute({ accountId }: GetSecondFactorSummaryQuery): Promise<SecondFactorSummary> {
    return secondFactorSummaryOf(await this.repository.find(forkForReads(this.em), accountId));
  }
}
