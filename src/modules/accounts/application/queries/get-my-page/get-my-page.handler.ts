import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { forkForReads } from '@app/platform';
import { GetSecondFactorSummaryQuery } from '../../ports/second-factor.port';
import { Account } from '../../../domain/account.entity';
import { toAccountView } from '../account-view.mapper';
import { GetMyPageQuery } from './get-my-page.query';
import type { MyPageView } from './get-my-page.query';

@QueryHandler(GetMyPageQuery)
export class GetMyPageHandler implements IQueryHandler<GetMyPageQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: QueryBus,
  ) {}

  async execute({ accountId }: GetMyPageQuery): Promise<MyPageView | null> {
    if (!isUuid(accountId)) return null;
    const account = await forkForReads(this.em).findOne(Account, { id: accountId });
    const view = account && toAccountView(account);
    if (!account || !view) return null;
    const { enabled, enrolled, requiredByGroup } = await this.queries.execute(
      new GetSecondFactorSummaryQuery(account.id),
    );
    return {
      ...view,
      registeredAt: account.registeredAt.toISOString(),
      twoFactor: { enabled, enrolled, requiredByGroup },
    };
  }
}
