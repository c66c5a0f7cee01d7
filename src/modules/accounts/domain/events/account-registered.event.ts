import { DomainEvent } from '@app/ddd';
import type { AccountType, Language, RegisteredBy } from '../account-type';

export type AccountRegisteredPayload = {
  accountId: string;
  userId: string;
  type: AccountType;
  email: string;
  language: Language;
  registeredBy: RegisteredBy;
  /** Only for group accounts: the groups context creates the group, registrant as first administrator. */
  groupName?: string;
  /** Only for a member registered by a group administrator: the group to join. */
  groupId?: string;
};

export class AccountRegistered extends DomainEvent<AccountRegisteredPayload> {
  static readonly TYPE = 'accounts.account-registered';
  readonly type = AccountRegistered.TYPE;

  constructor(payload: AccountRegisteredPayload) {
    super(payload.accountId, payload);
  }
}
