import { raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { Account } from '../../../domain/account.entity';
import { toAccountForLogin } from '../account-view.mapper';
import type { AccountForLogin } from '../account-views';
import { FindActiveAccountsByEmailQuery } from './find-active-accounts-by-email.query';

@QueryHandler(FindActiveAccountsByEmailQuery)
export class FindActiveAccountsByEmailHandler
  implements IQueryHandler<FindActiveAccountsByEmailQuery>
{
  constructor(private readonly em: EntityManager) {}

  async execute({ email }: FindActiveAccountsByEmailQuery): Promise<AccountForLogin[]> {
    const address = typeof email === 'string' ? email.trim().toLowerCase() : '';
    if (address.length === 0) return [];
    const accounts = await forkForReads(this.em).find(
      Account,
      { [raw('lower(email)')]: address, status: { $ne: 'withdrawn' } },
      { orderBy: { registeredAt: 'asc' } },
    );
    return accounts.map(toAccountForLogin).filter((a): a is AccountForLogin => a !== null);
  }
}
