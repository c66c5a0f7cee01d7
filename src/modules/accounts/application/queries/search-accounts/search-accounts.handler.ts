import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { Account } from '../../../domain/account.entity';
import { toAccountIdentity } from '../account-view.mapper';
import { pageOptions } from '../page';
import type { Page } from '../page';
import { SearchAccountsQuery } from './search-accounts.query';
import type { AccountSummary } from './search-accounts.query';

@QueryHandler(SearchAccountsQuery)
export class SearchAccountsHandler implements IQueryHandler<SearchAccountsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ criteria }: SearchAccountsQuery): Promise<Page<AccountSummary>> {
    const where: FilterQuery<Account>[] = [];
    if (criteria.status) where.push({ status: criteria.status });
    const text = criteria.text?.trim();
    if (text) {
      const pattern = { $ilike: `%${escapeLike(text)}%` };
      where.push({
        $or: [
          { userId: pattern },
          { email: pattern },
          { profile: { name: pattern } },
          { profile: { nameKana: pattern } },
          { profile: { companyName: pattern } },
          { profile: { groupName: pattern } },
        ],
      });
    }
    const { limit, offset } = pageOptions(criteria);
    const [accounts, total] = await forkForReads(this.em).findAndCount(
      Account,
      { $and: where },
      { orderBy: { registeredAt: 'desc', id: 'asc' }, limit, offset },
    );
    return {
      items: accounts.map(toSummary),
      total,
      page: criteria.page,
      pageSize: limit,
    };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
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
