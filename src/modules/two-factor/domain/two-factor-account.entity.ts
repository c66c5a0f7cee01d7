import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { AggregateRoot } from '@app/ddd';
import {
  AccountLockedError,
  TwoFactorNotEnrolledError,
  TwoFactorNotLockedError,
  TwoFactorRequiredByGroupError,
  TwoFactorRequiredForStaffError,
} from './two-factor.errors';
import {
  contacted,
  RecoveryCodeUsed,
  RecoveryCodesRegenerated,
  TwoFactorDisabled,
  TwoFactorEnabled,
  TwoFactorEnrolled,
  TwoFactorGroupRequirementLifted,
  TwoFactorLocked,
  TwoFactorReset,
  TwoFactorUnlocked,
  TwoFactorVerificationFailed,
  TwoFactorVerified,
} from './two-factor.events';
import type { AccountContact } from './two-factor.events';

export type SecondFactorStateOf =
  | 'not_required'
  | 'enrollment_required'
  | 'verification_required'
  | 'locked';

/**
 * What an account's second step must be, from its two-factor facts: the aggregate's rule, kept as a
 * function so that the login's one-statement read (ADR 0093) decides with it too.
 * `mandatory`: staff accounts need a second factor whether or not they switched it on.
 */
export function secondFactorStateOf(
  facts: { enabled: boolean; enrolled: boolean; locked: boolean },
  mandatory: boolean,
): SecondFactorStateOf {
  if (facts.locked) return 'locked';
  if (facts.enrolled) return 'verification_required';
  return facts.enabled || mandatory ? 'enrollment_required' : 'not_required';
}

/**
 * What one attempt proved, as established outside the aggregate (TOTP arithmetic, recovery-code
 * hashes). The aggregate alone decides whether it is accepted: replay guard and lockout.
 */
export type SecondFactorProof =
  | { method: 'totp'; step: number }
  | { method: 'recovery_code'; remaining: number }
  | { method: 'none' };

export type AttemptOutcome = { accepted: true } | { accepted: false; locked: boolean };

/**
 * The second factor of one account. Every command that changes it holds the row lock
 * (`SELECT … FOR UPDATE`) from load to commit, so the replay guard and the failure count are
 * check-and-set under one lock: parallel attempts are evaluated one after the other.
 *
 * Invariant: an enrolled account (it has a secret) is enabled.
 */
@Entity({ schema: 'two_factor', tableName: 'account' })
export class TwoFactorAccount extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  /** "Use: yes" on My Page, or switched on by a group administrator. */
  @Property({ type: 'boolean', default: false })
  enabled = false;

  @Property({ type: 'boolean', default: false })
  requiredByGroup = false;

  /** AES-256-GCM ciphertext with its key id, see SecretCipher. */
  @Property({ type: 'text', nullable: true, lazy: false })
  encryptedSecret: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  enrolledAt: Date | null = null;

  /** The highest TOTP time step ever accepted: a code is accepted only for a later step. */
  @Property({ type: 'integer', default: -1 })
  lastUsedStep = -1;

  @Property({ type: 'integer', default: 0 })
  consecutiveFailures = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lockedAt: Date | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  static open(accountId: string): TwoFactorAccount {
    const account = new TwoFactorAccount();
    account.accountId = accountId;
    return account;
  }

  get enrolled(): boolean {
    return this.encryptedSecret !== null;
  }

  get locked(): boolean {
    return this.lockedAt !== null;
  }

  /** `mandatory`: staff accounts need a second factor whether or not they switched it on. */
  requirement(mandatory: boolean): SecondFactorStateOf {
    return secondFactorStateOf(this, mandatory);
  }

  switchOnByUser(contact: AccountContact): void {
    if (this.enabled) return;
    this.enabled = true;
    this.record(
      new TwoFactorEnabled(contacted(contact, { by: 'user', byAccountId: contact.accountId })),
    );
  }

  requireByGroup(contact: AccountContact, byAccountId: string): void {
    if (this.enabled && this.requiredByGroup) return;
    const wasEnabled = this.enabled;
    this.enabled = true;
    this.requiredByGroup = true;
    if (!wasEnabled)
      this.record(new TwoFactorEnabled(contacted(contact, { by: 'group_admin', byAccountId })));
  }

  /** Two-factor stays on: lifting the group's rule only gives the member the choice back. */
  liftGroupRequirement(byAccountId: string): void {
    if (!this.requiredByGroup) return;
    this.requiredByGroup = false;
    this.record(new TwoFactorGroupRequirementLifted({ accountId: this.accountId, byAccountId }));
  }

  /** Checked before a code is asked for, so that a refused switch-off spends no code. */
  assertMaySwitchOff({ staff }: { staff: boolean }): void {
    if (staff) throw new TwoFactorRequiredForStaffError();
    if (this.requiredByGroup) throw new TwoFactorRequiredByGroupError();
    this.assertNotLocked();
  }

  /** The caller has checked the password and, when enrolled, a current code. */
  switchOff(contact: AccountContact, { staff }: { staff: boolean }): void {
    this.assertMaySwitchOff({ staff });
    if (!this.enabled && !this.enrolled) return;
    this.enabled = false;
    this.forgetSecret();
    this.record(new TwoFactorDisabled(contacted(contact, {})));
  }

  assertNotLocked(): void {
    if (this.locked) throw new AccountLockedError();
  }

  assertEnrolled(): void {
    if (!this.enrolled) throw new TwoFactorNotEnrolledError();
  }

  /**
   * Judges one code. A TOTP code counts only for a time step later than every step accepted
   * before (so a code works once, even when two requests race with it). Every rejection counts
   * towards the lock; an acceptance clears the count.
   */
  attempt(
    proof: SecondFactorProof,
    contact: AccountContact,
    maxFailures: number,
    now: Date,
  ): AttemptOutcome {
    this.assertNotLocked();
    if (proof.method === 'none') return this.reject('wrong_code', contact, maxFailures, now);
    if (proof.method === 'totp') {
      if (proof.step <= this.lastUsedStep)
        return this.reject('reused_code', contact, maxFailures, now);
      this.lastUsedStep = proof.step;
    }
    this.consecutiveFailures = 0;
    this.record(new TwoFactorVerified({ accountId: this.accountId, method: proof.method }));
    if (proof.method === 'recovery_code')
      this.record(new RecoveryCodeUsed(contacted(contact, { remaining: proof.remaining })));
    return { accepted: true };
  }

  /**
   * Called once the first code from the new secret was accepted by `attempt` (with the pending
   * secret's step): only now is the account enrolled.
   */
  completeEnrollment(encryptedSecret: string, contact: AccountContact, now: Date): void {
    this.encryptedSecret = encryptedSecret;
    this.enrolledAt = now;
    this.enabled = true;
    this.record(new TwoFactorEnrolled(contacted(contact, {})));
  }

  /** The same secret under the current encryption key, after a key rotation. */
  rotateSecretEncryption(encryptedSecret: string): void {
    this.assertEnrolled();
    this.encryptedSecret = encryptedSecret;
  }

  recoveryCodesRegenerated(count: number): void {
    this.record(new RecoveryCodesRegenerated({ accountId: this.accountId, count }));
  }

  unlock(contact: AccountContact, byAccountId: string): void {
    if (!this.locked) throw new TwoFactorNotLockedError();
    this.lockedAt = null;
    this.consecutiveFailures = 0;
    this.record(new TwoFactorUnlocked(contacted(contact, { byAccountId })));
  }

  /** New phone without migration: the next login enrolls again. Also lifts a lock. */
  reset(contact: AccountContact, byAccountId: string): void {
    if (!this.enrolled && !this.locked) throw new TwoFactorNotEnrolledError();
    this.forgetSecret();
    this.lockedAt = null;
    this.consecutiveFailures = 0;
    this.record(new TwoFactorReset(contacted(contact, { byAccountId })));
  }

  /** The replay guard belongs to a secret: a new secret starts with no step used. */
  private forgetSecret(): void {
    this.encryptedSecret = null;
    this.enrolledAt = null;
    this.lastUsedStep = -1;
  }

  private reject(
    reason: 'wrong_code' | 'reused_code',
    contact: AccountContact,
    maxFailures: number,
    now: Date,
  ): AttemptOutcome {
    this.consecutiveFailures += 1;
    this.record(
      new TwoFactorVerificationFailed({
        accountId: this.accountId,
        reason,
        consecutiveFailures: this.consecutiveFailures,
      }),
    );
    if (this.consecutiveFailures < maxFailures) return { accepted: false, locked: false };
    this.lockedAt = now;
    this.record(
      new TwoFactorLocked(contacted(contact, { consecutiveFailures: this.consecutiveFailures })),
    );
    return { accepted: false, locked: true };
  }
}
