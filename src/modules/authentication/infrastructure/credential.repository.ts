import { LockMode, NotFoundError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Credential } from '../domain/credential.entity';

/**
 * How commands load and store credentials. A change that depends on the stored hashes (a temporary
 * password used once, a change of the verified password) loads it under its row lock.
 */
@Injectable()
export class CredentialRepository {
  find(em: EntityManager, accountId: string): Promise<Credential | null> {
    return em.findOne(Credential, { accountId });
  }

  /** Fails when the account has none. */
  get(em: EntityManager, accountId: string): Promise<Credential> {
    return em.findOneOrFail(Credential, { accountId });
  }

  lock(em: EntityManager, accountId: string): Promise<Credential | null> {
    return em.findOne(Credential, { accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Fails when the account has none: a use case that verified its password a moment ago. */
  lockExisting(em: EntityManager, accountId: string): Promise<Credential> {
    return em.findOneOrFail(Credential, { accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /**
   * The credential under its lock and, locked after it in the same statement, the row that
   * `after.sql` (a sub-select answering one row as JSON, one `?`) names: two locks in one round
   * trip, always in this order. Fails when the account has no credential.
   */
  async lockExistingThen(
    em: EntityManager,
    accountId: string,
    after: { sql: string; param: string },
  ): Promise<{ credential: Credential; after: Record<string, unknown> | null }> {
    const [row] = await em.execute<
      Array<{ credential: Record<string, unknown>; after: Record<string, unknown> | null }>
    >(
      `with "c" as (select * from "authentication"."credential" where "account_id" = ? for update)
       select row_to_json("c") as "credential", ${after.sql} as "after" from "c"`,
      [accountId, after.param],
    );
    if (!row) throw NotFoundError.findOneFailed('Credential', { accountId });
    return { credential: em.map(Credential, row.credential), after: row.after };
  }

  add(em: EntityManager, credential: Credential): void {
    em.persist(credential);
  }

  /** A withdrawn account's credential is erased, not kept (ADR 0011). */
  async forget(em: EntityManager, accountId: string): Promise<void> {
    await em.nativeDelete(Credential, { accountId });
  }
}
