import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { AggregateRoot } from '@app/ddd';
import type { LoginFailureReason } from './authentication.events';
import {
  LoginFailed,
  LoginPasswordAccepted,
  PasswordChanged,
  PasswordChangeRejected,
  PasswordChangeRequired,
  PasswordRehashed,
  PasswordSet,
  TemporaryPasswordIssued,
} from './authentication.events';

export type TemporaryPasswordReason = 'staff_registration' | 'group_registration' | 'reissue';

/**
 * What an account proves its identity with: its password and, at most one at a time, a temporary
 * password. Only argon2id hashes are stored.
 */
@Entity({ schema: 'authentication', tableName: 'credential' })
export class Credential extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'string', length: 20 })
  userId!: string;

  /** Null for an account registered by staff or a group administrator until its first change. */
  @Property({ type: 'string', length: 255, nullable: true })
  passwordHash: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null = null;

  /** Set for the bootstrap administrator: the configured initial password must be replaced. */
  @Property({ type: 'boolean', default: false })
  mustChangePassword = false;

  @Property({ type: 'string', length: 255, nullable: true })
  temporaryPasswordHash: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  temporaryPasswordExpiresAt: Date | null = null;

  /**
   * When the temporary password opened a login. It stays verifiable as the "current password" of
   * the restricted session it opened, but never opens another login.
   */
  @Property({ type: 'timestamptz', nullable: true })
  temporaryPasswordUsedAt: Date | null = null;

  static register(accountId: string, userId: string): Credential {
    const credential = new Credential();
    credential.accountId = accountId;
    credential.userId = userId;
    return credential;
  }

  setInitialPassword(hash: string, now: Date): void {
    this.passwordHash = hash;
    this.passwordChangedAt = now;
    this.record(new PasswordSet({ accountId: this.accountId, userId: this.userId }));
  }

  issueTemporaryPassword(input: {
    hash: string;
    plain: string;
    expiresAt: Date;
    email: string;
    language: 'ja' | 'en';
    reason: TemporaryPasswordReason;
  }): void {
    this.temporaryPasswordHash = input.hash;
    this.temporaryPasswordExpiresAt = input.expiresAt;
    this.temporaryPasswordUsedAt = null;
    this.record(
      new TemporaryPasswordIssued(
        {
          accountId: this.accountId,
          userId: this.userId,
          email: input.email,
          language: input.language,
          reason: input.reason,
          expiresAt: input.expiresAt.toISOString(),
        },
        input.plain,
      ),
    );
  }

  hasUsableTemporaryPassword(now: Date): boolean {
    return Credential.usableTemporaryPasswordHash(this, now) !== null;
  }

  /**
   * The temporary password's hash while it may open a login: issued, unused and unexpired. Static
   * so that the login's one-statement read (ADR 0093) decides on stored columns without an entity.
   */
  static usableTemporaryPasswordHash(
    stored: Pick<
      Credential,
      'temporaryPasswordHash' | 'temporaryPasswordUsedAt' | 'temporaryPasswordExpiresAt'
    >,
    now: Date,
  ): string | null {
    const usable =
      stored.temporaryPasswordUsedAt === null &&
      stored.temporaryPasswordExpiresAt !== null &&
      stored.temporaryPasswordExpiresAt > now;
    return usable ? stored.temporaryPasswordHash : null;
  }

  /**
   * Marks the temporary password that was just verified as used. False when it is no longer the
   * usable one (a parallel login used it first, or a newer one replaced it): single use.
   */
  useTemporaryPassword(verifiedHash: string, now: Date): boolean {
    if (!this.hasUsableTemporaryPassword(now) || this.temporaryPasswordHash !== verifiedHash)
      return false;
    this.temporaryPasswordUsedAt = now;
    return true;
  }

  /** The hash a restricted (password-change) session may confirm as its current password. */
  get usedTemporaryPasswordHash(): string | null {
    return this.temporaryPasswordUsedAt ? this.temporaryPasswordHash : null;
  }

  /**
   * Whether a hash verified a moment ago is still the current password (or the temporary password
   * that opened the restricted session): false once a parallel change replaced it.
   */
  acceptsAsCurrent(verifiedHash: string): boolean {
    return verifiedHash === this.passwordHash || verifiedHash === this.usedTemporaryPasswordHash;
  }

  /** The password step passed; the login goes on to the second factor (`next`). */
  acceptPasswordStep(next: string, usedTemporaryPassword: boolean): void {
    this.record(
      new LoginPasswordAccepted({
        accountId: this.accountId,
        userId: this.userId,
        next,
        usedTemporaryPassword,
      }),
    );
  }

  /** A right password that still may not log in (the second factor is locked, the temporary password was used). */
  refuseLogin(
    reason: Extract<LoginFailureReason, 'two_factor_locked' | 'temporary_password_already_used'>,
  ): void {
    this.record(new LoginFailed({ userId: this.userId, accountId: this.accountId, reason }));
  }

  /**
   * A change whose verified password a parallel change replaced meanwhile: one change wins, and
   * knowing the replaced password was no guess.
   */
  refuseStaleChange(): void {
    this.record(
      new PasswordChangeRejected({ accountId: this.accountId, reason: 'wrong_current_password' }),
    );
  }

  requirePasswordChange(): void {
    if (this.mustChangePassword) return;
    this.mustChangePassword = true;
    this.record(new PasswordChangeRequired({ accountId: this.accountId, userId: this.userId }));
  }

  changePassword(
    hash: string,
    now: Date,
    notice: { email: string | null; language: 'ja' | 'en' },
  ): void {
    this.passwordHash = hash;
    this.passwordChangedAt = now;
    this.mustChangePassword = false;
    this.temporaryPasswordHash = null;
    this.temporaryPasswordExpiresAt = null;
    this.temporaryPasswordUsedAt = null;
    this.record(new PasswordChanged({ accountId: this.accountId, userId: this.userId, ...notice }));
  }

  /** Replaces a hash made with older argon2 parameters; ignored if the password changed meanwhile. */
  upgradePasswordHash(verifiedHash: string, upgradedHash: string): void {
    if (this.passwordHash !== verifiedHash) return;
    this.passwordHash = upgradedHash;
    this.record(new PasswordRehashed({ accountId: this.accountId, userId: this.userId }));
  }
}
