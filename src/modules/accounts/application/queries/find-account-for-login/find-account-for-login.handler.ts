import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccountsReadModel } from '../../../infrastructure/accounts.read-model';
import { toAccountForLogin } from '../account-view.mapper';
import type { AccountForLogin } from '../account-views';
import { FindAccountForLoginQuery } from './find-account-for-login.query';

@QueryHandler(FindAccountForLoginQuery)
export class FindAccountForLoginHandler implements IQueryHandler<FindAccountForLoginQuery> {
  constructor(private readonly accounts: AccountsReadModel) {}

  async execute({ userId }: FindAccountForLoginQuery): Promise<AccountForLogin | null> {
    if (typeof userId !== 'string' || userId.length === 0 || userId.length > 64) return null;
    const account = await this.accounts.byUserId(userId);
    return account ? toAccountForLogin(account) : null;
  }
}
