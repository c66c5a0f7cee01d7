import { Query } from '@nestjs/cqrs';
import type { AccountStatus, AccountSummary, AccountType } from '../../../../accounts/public-api';
import type { AccountBadges } from '../account-badges';

export type SupportAccountSummary = AccountSummary & { badges: AccountBadges };

export interface SupportAccountPage {
  items: SupportAccountSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** Support's account search with badges: text (user ID, e-mail, name), type, status, group. */
export class SearchSupportAccountsQuery extends Query<SupportAccountPage> {
  constructor(
    readonly criteria: {
      text?: string;
      type?: AccountType;
      status?: AccountStatus;
      groupId?: string;
      page: number;
      pageSize: number;
    },
  ) {
    super();
  }
}
