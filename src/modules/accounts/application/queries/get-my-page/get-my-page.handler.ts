import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { GetSecondFactorSummaryQuery } from '../../ports/second-factor.port';
import { AccountsReadModel } from '../../../infrastructure/accounts.read-model';
import { toAccountView } from '../account-view.mapper';
import { GetMyPageQuery } from './get-my-page.query';
import type { MyPageView } from './get-my-page.query';

@QueryHandler(GetMyPageQuery)
export class GetMyPageHandler implements IQueryHandler<GetMyPageQuery> {
  constructor(
    private readonly accounts: AccountsReadModel,
    private readonly queries: QueryBus,
  ) {}

  async execute({ accountId }: GetMyPageQuery): Promise<MyPageView | null> {
    if (!isUuid(accountId)) return null;
    const account = await this.accounts.byId(accountId);
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
