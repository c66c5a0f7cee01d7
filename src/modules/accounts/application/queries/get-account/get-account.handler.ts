import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { AccountsReadModel } from '../../../infrastructure/accounts.read-model';
import { toAccountView } from '../account-view.mapper';
import type { AccountView } from '../account-views';
import { GetAccountQuery } from './get-account.query';

@QueryHandler(GetAccountQuery)
export class GetAccountHandler implements IQueryHandler<GetAccountQuery> {
  constructor(private readonly accounts: AccountsReadModel) {}

  async execute({ accountId }: GetAccountQuery): Promise<AccountView | null> {
    if (!isUuid(accountId)) return null;
    const account = await this.accounts.byId(accountId);
    return account ? toAccountView(account) : null;
  }
}
