import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { AggregateRoot } from '@app/ddd';
import { LookupPasswordIssued, UserIdLookupCompleted, UserIdLookupFailed } from './recovery.events';
import type { LookupFailureReason } from './recovery.events';

export type LookupOutcome = { redeemed: true } | { redeemed: false; reason: LookupFailureReason };

/**
 * The one-time password of the user-ID lookup for one address. There is at most one per address
 * (keyed by the address's hash), so issuing a new one replaces, and thereby voids, the previous.
 */
@Entity({ schema: 'recovery', tableName: 'lookup_password' })
export class LookupPassword extends AggregateRoot {
  @PrimaryKey({ type: 'string', length: 64 })
  emailHash!: string;

  /** argon2id */
  @Property({ type: 'string', length: 255 })
  passwordHash!: string;

  @Property({ type: 'timestamptz' })
  issuedAt!: Date;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'integer', default: 0 })
  failedAttempts = 0;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt: Date | null = null;

  static forAddress(emailHash: string): LookupPassword {
    const lookup = new LookupPassword();
    lookup.emailHash = emailHash;
    return lookup;
  }

  issue(input: {
    hash: string;
    plain: string;
    now: Date;
    expiresAt: Date;
    email: string;
    language: 'ja' | 'en';
    accountIds: string[];
  }): void {
    this.passwordHash = input.hash;
    this.issuedAt = input.now;
    this.expiresAt = input.expiresAt;
    this.failedAttempts = 0;
    this.usedAt = null;
    this.record(
      new LookupPasswordIssued(
        {
          emailHash: this.emailHash,
          email: input.email,
          language: input.language,
          accountIds: input.accountIds,
          expiresAt: input.expiresAt.toISOString(),
        },
        input.plain,
      ),
    );
  }

  /**
   * One use of the lookup password, whose hash the caller has already compared. A wrong password
   * counts towards `maxFailures`, after which the lookup password is void; a right one works once.
   */
  redeem(input: {
    passwordMatched: boolean;
    now: Date;
    maxFailures: number;
    accountIds: string[];
  }): LookupOutcome {
    const refusal = this.refusal(input.now, input.maxFailures);
    if (refusal) return this.fail(refusal);
    if (!input.passwordMatched) {
      this.failedAttempts += 1;
      return this.fail('wrong_password');
    }
    this.usedAt = input.now;
    this.record(
      new UserIdLookupCompleted({ emailHash: this.emailHash, accountIds: input.accountIds }),
    );
    return { redeemed: true };
  }

  private refusal(now: Date, maxFailures: number): LookupFailureReason | null {
    if (this.usedAt) return 'already_used';
    if (this.failedAttempts >= maxFailures) return 'voided';
    if (this.expiresAt.getTime() <= now.getTime()) return 'expired';
    return null;
  }

  private fail(reason: LookupFailureReason): LookupOutcome {
    this.record(
      new UserIdLookupFailed({
        emailHash: this.emailHash,
        reason,
        failedAttempts: this.failedAttempts,
      }),
    );
    return { redeemed: false, reason };
  }
}
