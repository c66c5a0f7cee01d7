import { raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { GetSecondFactorSummaryQuery } from '../../ports/second-factor.port';
import { Account } from '../../../domain/account.entity';
import { toAccountIdentity } from '../account-view.mapper';
import { GetAccountDetailQuery } from './get-account-detail.query';
import type { AccountDetail } from './get-account-detail.query';

@QueryHandler(GetAccountDetailQuery)
export class GetAccountDetailHandler implements IQueryHandler<GetAccountDetailQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: QueryBus,
  ) {}

  async execute({ userId }: GetAccountDetailQuery): Promise<AccountDetail | null> {
    const account = await forkForReads(this.em).findOne(Account, {
      [raw('lower(user_id)')]: userId.toLowerCase(),
    });
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
