import type { AccountStatus, AccountType, Language } from '../../domain/account-type';
import type { ProfileSnapshot } from '../../domain/profile';

/** What the login and recovery flows need to know about an account. */
export interface AccountForLogin {
  accountId: string;
  userId: string;
  type: AccountType;
  status: AccountStatus;
  email: string;
  language: Language;
  renewalRequired: boolean;
}

export interface AccountView extends AccountForLogin {
  profile: ProfileSnapshot;
}
