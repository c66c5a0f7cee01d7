import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { Account } from '../../../domain/account.entity';
import { pageOptions } from '../page';
import type { Page } from '../page';
import { ListWithdrawalRequestsQuery } from './list-withdrawal-requests.query';
import type { WithdrawalRequestView } from './list-withdrawal-requests.query';

@QueryHandler(ListWithdrawalRequestsQuery)
export class ListWithdrawalRequestsHandler implements IQueryHandler<ListWithdrawalRequestsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ page }: ListWithdrawalRequestsQuery): Promise<Page<WithdrawalRequestView>> {
    const { limit, offset } = pageOptions(page);
    const [accounts, total] = await forkForReads(this.em).findAndCount(
      Account,
      { status: 'withdrawal_requested' },
      { orderBy: { withdrawalRequestedAt: 'asc', id: 'asc' }, limit, offset },
    );
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
      pageSize: limit,
    };
  }
}
