import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { GetSecondFactorSummaryQuery } from '../../../../accounts/public-api';
import type { SecondFactorSummary } from '../../../../accounts/public-api';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';

/** Answers the accounts context's port for My Page and the support view of an account. */
@QueryHandler(GetSecondFactorSummaryQuery)
export class GetSecondFactorSummaryHandler implements IQueryHandler<GetSecondFactorSummaryQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: TwoFactorRepository,
  ) {}

  async execute({ accountId }: GetSecondFactorSummaryQuery): Promise<SecondFactorSummary> {
    const account = await this.repository.find(forkForReads(this.em), accountId);
    return {
      enabled: account?.enabled ?? false,
      enrolled: account?.enrolled ?? false,
      requiredByGroup: account?.requiredByGroup ?? false,
      locked: account?.locked ?? false,
    };
  }
}
