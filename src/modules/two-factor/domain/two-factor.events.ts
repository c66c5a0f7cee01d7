import { DomainEvent } from '@app/ddd';

/** Who is told, as the accounts context knew it when the event happened. */
export interface AccountContact {
  accountId: string;
  userId: string;
  email: string;
  language: 'ja' | 'en';
}

/** The part of a payload that names who is told (a type, not an interface: payloads are records). */
export type ContactPayload = {
  accountId: string;
  userId: string;
  email: string;
  language: 'ja' | 'en';
};

/**
 * Builds the payload of an event that is mailed: the contact's four fields (no more, whatever the
 * contact object carries), then the event's own.
 */
export const contacted = <P extends object>(
  contact: AccountContact,
  extra: P,
): ContactPayload & P => ({
  accountId: contact.accountId,
  userId: contact.userId,
  email: contact.email,
  language: contact.language,
  ...extra,
});

export type SecondFactorMethod = 'totp' | 'recovery_code';

export type TwoFactorEnabledPayload = ContactPayload & {
  by: 'user' | 'group_admin';
  byAccountId: string;
};

/** Switched on: the next login shows the QR code. */
export class TwoFactorEnabled extends DomainEvent<TwoFactorEnabledPayload> {
  static readonly TYPE = 'two-factor.enabled';
  readonly type = TwoFactorEnabled.TYPE;

  constructor(payload: TwoFactorEnabledPayload) {
    super(payload.accountId, payload);
  }
}

export type TwoFactorGroupRequirementLiftedPayload = {
  accountId: string;
  byAccountId: string;
};

export class TwoFactorGroupRequirementLifted extends DomainEvent<TwoFactorGroupRequirementLiftedPayload> {
  static readonly TYPE = 'two-factor.group-requirement-lifted';
  readonly type = TwoFactorGroupRequirementLifted.TYPE;

  constructor(payload: TwoFactorGroupRequirementLiftedPayload) {
    super(payload.accountId, payload);
  }
}

export type TwoFactorEnrolledPayload = ContactPayload;

export class TwoFactorEnrolled extends DomainEvent<TwoFactorEnrolledPayload> {
  static readonly TYPE = 'two-factor.enrolled';
  readonly type = TwoFactorEnrolled.TYPE;

  constructor(payload: TwoFactorEnrolledPayload) {
    super(payload.accountId, payload);
  }
}

export type TwoFactorVerifiedPayload = {
  accountId: string;
  method: SecondFactorMethod;
};

export class TwoFactorVerified extends DomainEvent<TwoFactorVerifiedPayload> {
  static readonly TYPE = 'two-factor.verified';
  readonly type = TwoFactorVerified.TYPE;

  constructor(payload: TwoFactorVerifiedPayload) {
    super(payload.accountId, payload);
  }
}

export type TwoFactorVerificationFailedPayload = {
  accountId: string;
  reason: 'wrong_code' | 'reused_code';
  consecutiveFailures: number;
};

export class TwoFactorVerificationFailed extends DomainEvent<TwoFactorVerificationFailedPayload> {
  static readonly TYPE = 'two-factor.verification-failed';
  readonly type = TwoFactorVerificationFailed.TYPE;

  constructor(payload: TwoFactorVerificationFailedPayload) {
    super(payload.accountId, payload);
  }
}

export type TwoFactorLockedPayload = ContactPayload & { consecutiveFailures: number };

export class TwoFactorLocked extends DomainEvent<TwoFactorLockedPayload> {
  static readonly TYPE = 'two-factor.locked';
  readonly type = TwoFactorLocked.TYPE;

  constructor(payload: TwoFactorLockedPayload) {
    super(payload.accountId, payload);
  }
}

export type TwoFactorUnlockedPayload = ContactPayload & { byAccountId: string };

export class TwoFactorUnlocked extends DomainEvent<TwoFactorUnlockedPayload> {
  static readonly TYPE = 'two-factor.unlocked';
  readonly type = TwoFactorUnlocked.TYPE;

  constructor(payload: TwoFactorUnlockedPayload) {
    super(payload.accountId, payload);
  }
}

export type TwoFactorResetPayload = ContactPayload & { byAccountId: string };

/** Support removed the secret and recovery codes (new phone): the next login enrolls again. */
export class TwoFactorReset extends DomainEvent<TwoFactorResetPayload> {
  static readonly TYPE = 'two-factor.reset';
  readonly type = TwoFactorReset.TYPE;

  constructor(payload: TwoFactorResetPayload) {
    super(payload.accountId, payload);
  }
}

export type TwoFactorDisabledPayload = ContactPayload;

export class TwoFactorDisabled extends DomainEvent<TwoFactorDisabledPayload> {
  static readonly TYPE = 'two-factor.disabled';
  readonly type = TwoFactorDisabled.TYPE;

  constructor(payload: TwoFactorDisabledPayload) {
    super(payload.accountId, payload);
  }
}

export type RecoveryCodeUsedPayload = ContactPayload & { remaining: number };

export class RecoveryCodeUsed extends DomainEvent<RecoveryCodeUsedPayload> {
  static readonly TYPE = 'two-factor.recovery-code-used';
  readonly type = RecoveryCodeUsed.TYPE;

  constructor(payload: RecoveryCodeUsedPayload) {
    super(payload.accountId, payload);
  }
}

export type RecoveryCodesRegeneratedPayload = { accountId: string; count: number };

export class RecoveryCodesRegenerated extends DomainEvent<RecoveryCodesRegeneratedPayload> {
  static readonly TYPE = 'two-factor.recovery-codes-regenerated';
  readonly type = RecoveryCodesRegenerated.TYPE;

  constructor(payload: RecoveryCodesRegeneratedPayload) {
    super(payload.accountId, payload);
  }
}
