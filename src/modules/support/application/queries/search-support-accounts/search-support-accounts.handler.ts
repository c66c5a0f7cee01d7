import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { SearchAccountsQuery } from '../../../../accounts/public-api';
import { ListGroupMemberIdsQuery } from '../../../../groups/public-api';
import { AccountBadgeReader } from '../account-badges';
import { SearchSupportAccountsQuery } from './search-support-accounts.query';
import type { SupportAccountPage, SupportAccountSummary } from './search-support-accounts.query';

@QueryHandler(SearchSupportAccountsQuery)
export class SearchSupportAccountsHandler implements IQueryHandler<SearchSupportAccountsQuery> {
  constructor(
    private readonly queries: QueryBus,
    private readonly badges: AccountBadgeReader,
  ) {}

  async execute({ criteria }: SearchSupportAccountsQuery): Promise<SupportAccountPage> {
    const { groupId, ...rest } = criteria;
    const accountIds = groupId
      ? await this.queries.execute(new ListGroupMemberIdsQuery(groupId))
      : undefined;
    const found = await this.queries.execute(new SearchAccountsQuery({ ...rest, accountIds }));
    const items: SupportAccountSummary[] = [];
    for (const account of found.items) {
      const facts = await this.badges.factsOf(account);
      items.push({ ...account, badges: this.badges.badgesOf(account, facts) });
    }
    return { ...found, items };
  }
}
