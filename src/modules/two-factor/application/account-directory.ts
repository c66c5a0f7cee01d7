import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  AccountNotFoundError,
  FindAccountForLoginQuery,
  GetAccountQuery,
} from '../../accounts/public-api';
import type { AccountForLogin } from '../../accounts/public-api';
import type { AccountContact } from '../domain/two-factor.events';

/** The accounts context, as two-factor needs it: who an account is and where to mail it. */
@Injectable()
export class AccountDirectory {
  constructor(private readonly queries: QueryBus) {}

  /** Fails for an unknown or withdrawn account. */
  async contactOf(accountId: string): Promise<AccountContact> {
    const account = await this.queries.execute(new GetAccountQuery(accountId));
    if (!account?.email) throw new AccountNotFoundError();
    return contactOf(account);
  }

  /** Support addresses accounts by user ID in its paths. */
  async contactByUserId(userId: string): Promise<AccountContact> {
    const account = await this.queries.execute(new FindAccountForLoginQuery(userId));
    if (!account) throw new AccountNotFoundError();
    return {
      accountId: account.accountId,
      userId: account.userId,
      email: account.email,
      language: account.language,
    };
  }
}

export function contactOf(account: AccountForLogin): AccountContact {
  return {
    accountId: account.accountId,
    userId: account.userId,
    email: account.email,
    language: account.language,
  };
}
