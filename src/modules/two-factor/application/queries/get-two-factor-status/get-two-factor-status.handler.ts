import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';
import { secondFactorSummaryOf } from '../second-factor-summary';
import { GetTwoFactorStatusQuery, TwoFactorStatus } from './get-two-factor-status.query';

@QueryHandler(GetTwoFactorStatusQuery)
export class GetTwoFactorStatusHandler implements IQueryHandler<GetTwoFactorStatusQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: TwoFactorRepository,
  ) {}

  async execute({ accountId }: GetTwoFactorStatusQuery): Promise<TwoFactorStatus> {
    const em = forkForReads(this.em);
    const account = await this.repository.find(em, accountId);
    return {
      ...secondFactorSummaryOf(account),
      recoveryCodesRemaining: account?.enrolled
        ? await this.repository.countUnusedRecoveryCodes(em, accountId)
        : 0,
    };
  }
}
