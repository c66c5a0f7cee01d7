import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What the login's code step reads of its challenge: a plain row, no entity (ADR 0093). The rules
 * of a challenge are the functions below, over this row or the entity alike.
 */
export interface PendingChallenge {
  encryptedPendingSecret: string | null;
  afterTemporaryPassword: boolean;
  expiresAt: Date;
}

/** A challenge started while enrolling carries the new secret, which only a right code makes the account's. */
export const isEnrolling = (challenge: Pick<PendingChallenge, 'encryptedPendingSecret'>): boolean =>
  challenge.encryptedPendingSecret !== null;

export const isExpiredAt = (challenge: Pick<PendingChallenge, 'expiresAt'>, now: Date): boolean =>
  challenge.expiresAt.getTime() <= now.getTime();

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
}
