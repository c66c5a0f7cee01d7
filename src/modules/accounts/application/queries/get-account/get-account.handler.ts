import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { forkForReads } from '@app/platform';
import { Account } from '../../../domain/account.entity';
import { toAccountView } from '../account-view.mapper';
import type { AccountView } from '../account-views';
import { GetAccountQuery } from './get-account.query';

@QueryHandler(GetAccountQuery)
export class GetAccountHandler implements IQueryHandler<GetAccountQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ accountId }: GetAccountQuery): Promise<AccountView | null> {
    if (!isUuid(accountId)) return null;
    const account = await forkForReads(this.em).findOne(Account, { id: accountId });
    return account ? toAccountView(account) : null;
  }
}
