import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { GetSecondFactorSummarySqlQuery } from '../../ports/second-factor.port';
import { AccountsReadModel } from '../../../infrastructure/accounts.read-model';
import { toMyPageView } from '../account-view.mapper';
import { GetMyPageQuery } from './get-my-page.query';
import type { MyPageView } from './get-my-page.query';

/** One statement per request (ADR 0095); the two-factor context's part of it is asked for once. */
@QueryHandler(GetMyPageQuery)
export class GetMyPageHandler implements IQueryHandler<GetMyPageQuery> {
  private secondFactorSql: Promise<string> | undefined;

  constructor(
    private readonly accounts: AccountsReadModel,
    private readonly queries: QueryBus,
  ) {}

  async execute({ accountId }: GetMyPageQuery): Promise<MyPageView | null> {
    if (!isUuid(accountId)) return null;
    const row = await this.accounts.myPage(accountId, await this.secondFactorSummarySql());
    return row && toMyPageView(row);
  }

  private secondFactorSummarySql(): Promise<string> {
    this.secondFactorSql ??= this.queries
      .execute(new GetSecondFactorSummarySqlQuery())
      .catch((error: unknown) => {
        this.secondFactorSql = undefined;
        throw error;
      });
    return this.secondFactorSql;
  }
}
