import { Query } from '@nestjs/cqrs';
import type { AccountType } from '../../../domain/account-type';
import type { Page, PageRequest } from '../page';

export interface WithdrawalRequestView {
  accountId: string;
  userId: string;
  type: AccountType;
  email: string;
  name: string;
  requestedAt: string;
  reason: string | null;
}

/** Pending withdrawal requests, oldest first: the order support works through them. */
export class ListWithdrawalRequestsQuery extends Query<Page<WithdrawalRequestView>> {
  constructor(readonly page: PageRequest) {
    super();
  }
}
