import { LockMode, raw, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Account, USER_ID_UNIQUE_INDEX } from '../domain/account.entity';

/**
 * How commands load and store accounts. Commands that change an account load it with a row lock,
 * so concurrent requests on one account (two withdrawals completed at once) apply one after another.
 */
@Injectable()
export class AccountRepository {
  /**
   * Inserts the account in a savepoint. The case-insensitive unique index decides between racing
   * registrations; a refused insert leaves the surrounding transaction usable, so an assigned ID
   * can be retried and a caller's own transaction is not poisoned.
   */
  async add(em: EntityManager, account: Account): Promise<'added' | 'user_id_taken'> {
    try {
      await em.transactional(async (savepoint) => {
        savepoint.persist(account);
        await savepoint.flush();
      });
      return 'added';
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && isUserIdIndex(error))
        return 'user_id_taken';
      throw error;
    }
  }

  /**
   * Inserts the account straight into the caller's transaction: no savepoint, two round trips
   * fewer than `add`. For a caller that gives up on a taken ID: the refused insert aborts the
   * transaction, which can then only roll back (ADR 0098).
   */
  async addOrAbort(em: EntityManager, account: Account): Promise<'added' | 'user_id_taken'> {
    try {
      em.persist(account);
      await em.flush();
      return 'added';
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && isUserIdIndex(error))
        return 'user_id_taken';
      throw error;
    }
  }

  lockById(em: EntityManager, accountId: string): Promise<Account | null> {
    return em.findOne(Account, { id: accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Support types the ID from a contact form; IDs are unique without regard to case, so this is unambiguous. */
  lockByUserId(em: EntityManager, userId: string): Promise<Account | null> {
    return em.findOne(
      Account,
      { [raw('lower(user_id)')]: userId.toLowerCase() },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
  }
}

function isUserIdIndex(error: UniqueConstraintViolationException): boolean {
  return (
    (error as UniqueConstraintViolationException & { constraint?: string }).constraint ===
    USER_ID_UNIQUE_INDEX
  );
}
