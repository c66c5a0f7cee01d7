import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { forkForReads } from '@app/platform';
import { RecoveryCode } from '../domain/recovery-code.entity';
import { TwoFactorAccount } from '../domain/two-factor-account.entity';

/**
 * Every read behind the two-factor context's queries, in one place, outside any lock; the query
 * handlers map what it answers to their views. Reads join the caller's transaction when there is
 * one (the login asks inside its own) and never ask the pool for a second connection (ADR 0006).
 */
@Injectable()
export class TwoFactorReadModel {
  constructor(private readonly em: EntityManager) {}

  /** Null when two-factor was never touched for the account. */
  secondFactorOf(accountId: string): Promise<TwoFactorAccount | null> {
    return forkForReads(this.em).findOne(TwoFactorAccount, { accountId });
  }

  unusedRecoveryCodes(accountId: string): Promise<number> {
    return forkForReads(this.em).count(RecoveryCode, { accountId, usedAt: null });
  }
}
