import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { LookupPassword } from '../domain/lookup-password.entity';

/**
 * How the lookup-password use cases load and store an address's lookup password (ADR 0040). Every
 * method works in the entity manager it is given: the use case's transaction, or `forkForReads`
 * for the comparison made before the lock.
 */
@Injectable()
export class LookupPasswordRepository {
  /** Without a lock: what the caller compares the typed password against before locking. */
  find(em: EntityManager, emailHash: string): Promise<LookupPassword | null> {
    return em.findOne(LookupPassword, { emailHash });
  }

  /** The address's row, locked until the transaction ends and read afresh under the lock. */
  lock(em: EntityManager, emailHash: string): Promise<LookupPassword | null> {
    return em.findOne(
      LookupPassword,
      { emailHash },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  /**
   * Like `lock`, creating the row first (with `initial`) if the address never had one: two parallel
   * requests for one address never collide on the key, they queue on its lock.
   */
  async lockOrCreate(
    em: EntityManager,
    emailHash: string,
    initial: { passwordHash: string; issuedAt: Date; expiresAt: Date },
  ): Promise<LookupPassword> {
    await em
      .createQueryBuilder(LookupPassword)
      .insert({ emailHash, ...initial, failedAttempts: 0 })
      .onConflict('email_hash')
      .ignore()
      .execute();
    return em.findOneOrFail(
      LookupPassword,
      { emailHash },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }
}
