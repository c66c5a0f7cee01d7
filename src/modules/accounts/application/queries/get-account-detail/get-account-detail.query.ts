import { Query } from '@nestjs/cqrs';
import type {
  AccountStatus,
  AccountType,
  Language,
  RegisteredBy,
} from '../../../domain/account-type';
import type { ProfileSnapshot } from '../../../domain/profile';

export interface AccountDetail {
  accountId: string;
  userId: string;
  type: AccountType;
  status: AccountStatus;
  /** Null once withdrawn (anonymised). */
  email: string | null;
  language: Language;
  profile: ProfileSnapshot | null;
  registeredBy: RegisteredBy;
  registeredAt: string;
  renewalRequired: boolean;
  renewalRequestedAt: string | null;
  withdrawalRequestedAt: string | null;
  withdrawalReason: string | null;
  withdrawnAt: string | null;
  twoFactor: { enabled: boolean; enrolled: boolean; requiredByGroup: boolean; locked: boolean };
}

/** Support's view of one account, withdrawn ones included; the ID is matched without regard to case. */
export class GetAccountDetailQuery extends Query<AccountDetail | null> {
  constructor(readonly userId: string) {
    super();
  }
}
