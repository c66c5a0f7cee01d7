import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One single-use recovery code of an account, stored only as an argon2id hash. */
@Entity({ schema: 'two_factor', tableName: 'recovery_code' })
@Index({ properties: ['accountId'] })
export class RecoveryCode {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'text' })
  codeHash!: string;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  static issue(accountId: string, codeHash: string, now: Date): RecoveryCode {
    const code = new RecoveryCode();
    code.accountId = accountId;
    code.codeHash = codeHash;
    code.createdAt = now;
    return code;
  }
}
