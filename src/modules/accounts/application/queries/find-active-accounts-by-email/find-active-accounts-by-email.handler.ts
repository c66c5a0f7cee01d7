import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccountsReadModel } from '../../../infrastructure/accounts.read-model';
import { toAccountForLogin } from '../account-view.mapper';
import type { AccountForLogin } from '../account-views';
import { FindActiveAccountsByEmailQuery } from './find-active-accounts-by-email.query';

@QueryHandler(FindActiveAccountsByEmailQuery)
export class FindActiveAccountsByEmailHandler
  implements IQueryHandler<FindActiveAccountsByEmailQuery>
{
  constructor(private readonly accounts: AccountsReadModel) {}

  async execute({ email }: FindActiveAccountsByEmailQuery): Promise<AccountForLogin[]> {
    const address = typeof email === 'string' ? email.trim().toLowerCase() : '';
    if (address.length === 0) return [];
    const accounts = await this.accounts.notWithdrawnWithEmail(address);
    return accounts.map(toAccountForLogin).filter((a): a is AccountForLogin => a !== null);
  }
}
