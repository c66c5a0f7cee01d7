import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Account } from '../../../domain/account.entity';
import { AccountsReadModel } from '../../../infrastructure/accounts.read-model';
import { toAccountIdentity } from '../account-view.mapper';
import { pageOptions } from '../page';
import type { Page } from '../page';
import { SearchAccountsQuery } from './search-accounts.query';
import type { AccountSummary } from './search-accounts.query';

@QueryHandler(SearchAccountsQuery)
export class SearchAccountsHandler implements IQueryHandler<SearchAccountsQuery> {
  constructor(private readonly accounts: AccountsReadModel) {}

  async execute({ criteria }: SearchAccountsQuery): Promise<Page<AccountSummary>> {
    const slice = pageOptions(criteria);
    const [accounts, total] = await this.accounts.search(criteria, slice);
    return {
      items: accounts.map(toSummary),
      total,
      page: criteria.page,
      pageSize: slice.limit,
    };
  }
}

function toSummary(account: Account): AccountSummary {
  return {
    ...toAccountIdentity(account),
    name: account.profile?.name ?? null,
    nameKana: account.profile?.nameKana ?? null,
    companyName: account.profile?.companyName ?? null,
    groupName: account.profile?.groupName ?? null,
    renewalRequired: account.renewalRequired,
    registeredAt: account.registeredAt.toISOString(),
  };
}
