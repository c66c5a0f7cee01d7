import { DomainEvent } from '@app/ddd';
import type { AccountType, Language, RegisteredBy } from './account-type';

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

export type ProfileChangedPayload = {
  accountId: string;
  userId: string;
  /** Names only (`name`, `phone`, `language`, …): the values are personal data the audit trail must not keep. */
  changedFields: string[];
  /** The new group name when it changed, for the groups context. */
  groupName?: string;
  language: Language;
};

export class ProfileChanged extends DomainEvent<ProfileChangedPayload> {
  static readonly TYPE = 'accounts.profile-changed';
  readonly type = ProfileChanged.TYPE;

  constructor(payload: ProfileChangedPayload) {
    super(payload.accountId, payload);
  }
}

export type EmailChangedPayload = {
  accountId: string;
  userId: string;
  oldEmail: string;
  newEmail: string;
  /** The recipient of the notice: the OLD address, so a hijacked session cannot silently take the account. */
  email: string;
  language: Language;
};

export class EmailChanged extends DomainEvent<EmailChangedPayload> {
  static readonly TYPE = 'accounts.email-changed';
  readonly type = EmailChanged.TYPE;

  constructor(payload: EmailChangedPayload) {
    super(payload.accountId, payload);
  }
}

export type RenewalRequestedPayload = {
  accountId: string;
  userId: string;
  email: string;
  language: Language;
};

export class RenewalRequested extends DomainEvent<RenewalRequestedPayload> {
  static readonly TYPE = 'accounts.renewal-requested';
  readonly type = RenewalRequested.TYPE;

  constructor(payload: RenewalRequestedPayload) {
    super(payload.accountId, payload);
  }
}

export type RenewalCompletedPayload = {
  accountId: string;
  userId: string;
};

export class RenewalCompleted extends DomainEvent<RenewalCompletedPayload> {
  static readonly TYPE = 'accounts.renewal-completed';
  readonly type = RenewalCompleted.TYPE;

  constructor(payload: RenewalCompletedPayload) {
    super(payload.accountId, payload);
  }
}

export type WithdrawalRequestedPayload = {
  accountId: string;
  userId: string;
  email: string;
  language: Language;
  /** Whether a free-text reason was given; the text itself stays in the account row until completion. */
  reasonGiven: boolean;
};

export class WithdrawalRequested extends DomainEvent<WithdrawalRequestedPayload> {
  static readonly TYPE = 'accounts.withdrawal-requested';
  readonly type = WithdrawalRequested.TYPE;

  constructor(payload: WithdrawalRequestedPayload) {
    super(payload.accountId, payload);
  }
}

export type AccountWithdrawnPayload = {
  accountId: string;
  userId: string;
  language: Language;
};

/**
 * The withdrawal was carried out and the personal data anonymised. Other contexts erase what they
 * hold for the account. The address for the confirmation mail travels as a secret: it reaches the
 * mail queue only and is erased from the outbox once relayed, so the anonymised address does not
 * live on in this event's audit record.
 */
export class AccountWithdrawn extends DomainEvent<AccountWithdrawnPayload> {
  static readonly TYPE = 'accounts.account-withdrawn';
  readonly type = AccountWithdrawn.TYPE;

  constructor(payload: AccountWithdrawnPayload, email: string) {
    super(payload.accountId, payload, { email });
  }
}
