import { Query } from '@nestjs/cqrs';
import type { AccountStatus, AccountType } from '../../../domain/account-type';
import type { Page, PageRequest } from '../page';

export interface AccountSummary {
  accountId: string;
  userId: string;
  type: AccountType;
  status: AccountStatus;
  email: string | null;
  name: string | null;
  nameKana: string | null;
  companyName: string | null;
  groupName: string | null;
  renewalRequired: boolean;
  registeredAt: string;
}

/**
 * Support's search: `text` matches part of the user ID, e-mail, name, kana, company or group name;
 * `accountIds` narrows to those accounts (a group's members).
 */
export class SearchAccountsQuery extends Query<Page<AccountSummary>> {
  constructor(
    readonly criteria: {
      text?: string;
      status?: AccountStatus;
      type?: AccountType;
      accountIds?: string[];
    } & PageRequest,
  ) {
    super();
  }
}
