import { Query } from '@nestjs/cqrs';
import type { AccountView } from '../account-views';

/** The account with its profile, or null when unknown or withdrawn. */
export class GetAccountQuery extends Query<AccountView | null> {
  constructor(readonly accountId: string) {
    super();
  }
}
