import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetSecondFactorSummaryQuery } from '../../ports/second-factor.port';
import { AccountsReadModel } from '../../../infrastructure/accounts.read-model';
import { toAccountIdentity } from '../account-view.mapper';
import { GetAccountDetailQuery } from './get-account-detail.query';
import type { AccountDetail } from './get-account-detail.query';

@QueryHandler(GetAccountDetailQuery)
export class GetAccountDetailHandler implements IQueryHandler<GetAccountDetailQuery> {
  constructor(
    private readonly accounts: AccountsReadModel,
    private readonly queries: QueryBus,
  ) {}

  async execute({ userId }: GetAccountDetailQuery): Promise<AccountDetail | null> {
    const account = await this.accounts.byUserIdIgnoringCase(userId);
    if (!account) return null;
    const { enabled, enrolled, requiredByGroup, locked } = await this.queries.execute(
      new GetSecondFactorSummaryQuery(account.id),
    );
    return {
      ...toAccountIdentity(account),
      language: account.language,
      profile: account.profile?.snapshot() ?? null,
      registeredBy: account.registeredBy,
      registeredAt: account.registeredAt.toISOString(),
      renewalRequired: account.renewalRequired,
      renewalRequestedAt: account.renewalRequestedAt?.toISOString() ?? null,
      withdrawalRequestedAt: account.withdrawalRequestedAt?.toISOString() ?? null,
      withdrawalReason: account.withdrawalReason,
      withdrawnAt: account.withdrawnAt?.toISOString() ?? null,
      twoFactor: { enabled, enrolled, requiredByGroup, locked },
    };
  }
}
