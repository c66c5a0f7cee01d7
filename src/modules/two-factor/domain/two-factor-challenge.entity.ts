import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The pending second step of one login. At most one per account (unique `account_id`): a new
 * login replaces the older challenge, and a completed one is deleted, so a token works once.
 * Only the SHA-256 of the token is stored.
 */
@Entity({ schema: 'two_factor', tableName: 'challenge' })
export class TwoFactorChallenge {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', unique: true })
  accountId!: string;

  @Property({ type: 'string', length: 20 })
  userId!: string;

  @Property({ type: 'character', length: 64, unique: true })
  tokenHash!: string;

  /** Set while enrolling: the new secret (encrypted), which becomes the account's only after a correct code. */
  @Property({ type: 'text', nullable: true })
  encryptedPendingSecret: string | null = null;

  @Property({ type: 'boolean' })
  afterTemporaryPassword!: boolean;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  static issue(input: {
    accountId: string;
    userId: string;
    tokenHash: string;
    encryptedPendingSecret: string | null;
    afterTemporaryPassword: boolean;
    now: Date;
    ttlSeconds: number;
  }): TwoFactorChallenge {
    const challenge = new TwoFactorChallenge();
    challenge.accountId = input.accountId;
    challenge.userId = input.userId;
    challenge.tokenHash = input.tokenHash;
    challenge.encryptedPendingSecret = input.encryptedPendingSecret;
    challenge.afterTemporaryPassword = input.afterTemporaryPassword;
    challenge.createdAt = input.now;
    challenge.expiresAt = new Date(input.now.getTime() + input.ttlSeconds * 1000);
    return challenge;
  }

  get enrolling(): boolean {
    return this.encryptedPendingSecret !== null;
  }

  isExpiredAt(now: Date): boolean {
    return this.expiresAt.getTime() <= now.getTime();
  }
}
