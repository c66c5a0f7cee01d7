import { DomainEvent } from '@app/ddd';

/** Who is told, as the accounts context knew it when the event happened. */
export interface AccountContact {
  accountId: string;
  userId: string;
  email: string;
  language: 'ja' | 'en';
}

type Contacted<P = object> = {
  accountId: string;
  userId: string;
  email: string;
  language: 'ja' | 'en';
} & P;

const contacted = <P extends object>(contact: AccountContact, extra: P): Contacted<P> => ({
  accountId: contact.accountId,
  userId: contact.userId,
  email: contact.email,
  language: contact.language,
  ...extra,
});

export const TWO_FACTOR_EVENTS = {
  enabled: 'two-factor.enabled',
  groupRequirementLifted: 'two-factor.group-requirement-lifted',
  enrolled: 'two-factor.enrolled',
  verified: 'two-factor.verified',
  verificationFailed: 'two-factor.verification-failed',
  locked: 'two-factor.locked',
  unlocked: 'two-factor.unlocked',
  reset: 'two-factor.reset',
  disabled: 'two-factor.disabled',
  recoveryCodeUsed: 'two-factor.recovery-code-used',
  recoveryCodesRegenerated: 'two-factor.recovery-codes-regenerated',
} as const;

export type SecondFactorMethod = 'totp' | 'recovery_code';

/** Switched on: the next login shows the QR code. */
export class TwoFactorEnabled extends DomainEvent<
  Contacted<{ by: 'user' | 'group_admin'; byAccountId: string }>
> {
  readonly type = TWO_FACTOR_EVENTS.enabled;
  constructor(contact: AccountContact, by: 'user' | 'group_admin', byAccountId: string) {
    super(contact.accountId, contacted(contact, { by, byAccountId }));
  }
}

export class TwoFactorGroupRequirementLifted extends DomainEvent<{
  accountId: string;
  byAccountId: string;
}> {
  readonly type = TWO_FACTOR_EVENTS.groupRequirementLifted;
  constructor(accountId: string, byAccountId: string) {
    super(accountId, { accountId, byAccountId });
  }
}

export class TwoFactorEnrolled extends DomainEvent<Contacted> {
  readonly type = TWO_FACTOR_EVENTS.enrolled;
  constructor(contact: AccountContact) {
    super(contact.accountId, contacted(contact, {}));
  }
}

export class TwoFactorVerified extends DomainEvent<{
  accountId: string;
  method: SecondFactorMethod;
}> {
  readonly type = TWO_FACTOR_EVENTS.verified;
  constructor(accountId: string, method: SecondFactorMethod) {
    super(accountId, { accountId, method });
  }
}

export class TwoFactorVerificationFailed extends DomainEvent<{
  accountId: string;
  reason: 'wrong_code' | 'reused_code';
  consecutiveFailures: number;
}> {
  readonly type = TWO_FACTOR_EVENTS.verificationFailed;
  constructor(
    accountId: string,
    reason: 'wrong_code' | 'reused_code',
    consecutiveFailures: number,
  ) {
    super(accountId, { accountId, reason, consecutiveFailures });
  }
}

export class TwoFactorLocked extends DomainEvent<Contacted<{ consecutiveFailures: number }>> {
  readonly type = TWO_FACTOR_EVENTS.locked;
  constructor(contact: AccountContact, consecutiveFailures: number) {
    super(contact.accountId, contacted(contact, { consecutiveFailures }));
  }
}

export class TwoFactorUnlocked extends DomainEvent<Contacted<{ byAccountId: string }>> {
  readonly type = TWO_FACTOR_EVENTS.unlocked;
  constructor(contact: AccountContact, byAccountId: string) {
    super(contact.accountId, contacted(contact, { byAccountId }));
  }
}

/** Support removed the secret and recovery codes (new phone): the next login enrolls again. */
export class TwoFactorReset extends DomainEvent<Contacted<{ byAccountId: string }>> {
  readonly type = TWO_FACTOR_EVENTS.reset;
  constructor(contact: AccountContact, byAccountId: string) {
    super(contact.accountId, contacted(contact, { byAccountId }));
  }
}

export class TwoFactorDisabled extends DomainEvent<Contacted> {
  readonly type = TWO_FACTOR_EVENTS.disabled;
  constructor(contact: AccountContact) {
    super(contact.accountId, contacted(contact, {}));
  }
}

export class RecoveryCodeUsed extends DomainEvent<Contacted<{ remaining: number }>> {
  readonly type = TWO_FACTOR_EVENTS.recoveryCodeUsed;
  constructor(contact: AccountContact, remaining: number) {
    super(contact.accountId, contacted(contact, { remaining }));
  }
}

export class RecoveryCodesRegenerated extends DomainEvent<{ accountId: string; count: number }> {
  readonly type = TWO_FACTOR_EVENTS.recoveryCodesRegenerated;
  constructor(accountId: string, count: number) {
    super(accountId, { accountId, count });
  }
}
