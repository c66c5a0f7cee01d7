import { raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { Account } from '../../../domain/account.entity';
import { toAccountForLogin } from '../account-view.mapper';
import type { AccountForLogin } from '../account-views';
import { FindAccountForLoginQuery } from './find-account-for-login.query';

@QueryHandler(FindAccountForLoginQuery)
export class FindAccountForLoginHandler implements IQueryHandler<FindAccountForLoginQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId }: FindAccountForLoginQuery): Promise<AccountForLogin | null> {
    if (typeof userId !== 'string' || userId.length === 0 || userId.length > 64) return null;
    // The lower() condition lets the unique index find the row; the exact one makes the match case-sensitive.
    const account = await forkForReads(this.em).findOne(Account, {
      [raw('lower(user_id)')]: userId.toLowerCase(),
      userId,
    });
    return account ? toAccountForLogin(account) : null;
  }
}
