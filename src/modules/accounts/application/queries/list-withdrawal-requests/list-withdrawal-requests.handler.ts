import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccountsReadModel } from '../../../infrastructure/accounts.read-model';
import { pageOptions } from '../page';
import type { Page } from '../page';
import { ListWithdrawalRequestsQuery } from './list-withdrawal-requests.query';
import type { WithdrawalRequestView } from './list-withdrawal-requests.query';

@QueryHandler(ListWithdrawalRequestsQuery)
export class ListWithdrawalRequestsHandler implements IQueryHandler<ListWithdrawalRequestsQuery> {
  constructor(private readonly accounts: AccountsReadModel) {}

  async execute({ page }: ListWithdrawalRequestsQuery): Promise<Page<WithdrawalRequestView>> {
    const slice = pageOptions(page);
    const [accounts, total] = await this.accounts.withdrawalRequests(slice);
    return {
      items: accounts.map((account) => ({
        accountId: account.id,
        userId: account.userId,
        type: account.type,
        email: account.email ?? '',
        name: account.profile?.name ?? '',
        requestedAt: (account.withdrawalRequestedAt ?? account.updatedAt).toISOString(),
        reason: account.withdrawalReason,
      })),
      total,
      page: page.page,
      pageSize: slice.limit,
    };
  }
}
