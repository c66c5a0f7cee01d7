import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { LoginThrottle } from '../domain/login-throttle.entity';
import {
  GUESS_BUDGET_COLUMNS,
  guessBudgetLockSql,
  guessBudgetRowSql,
  restoreGuessBudget,
  storeIfUnchanged,
} from './guess-budget.rows';
import type { GuessBudgetRow, GuessBudgetTable } from './guess-budget.rows';

const TABLE = '"authentication"."login_throttle"';

/** The cool-down rows, changed under their row lock or by a compare-and-set (ADR 0020, ADR 0093). */
@Injectable()
export class LoginThrottleRepository {
  /** The sub-select of a name's row as JSON, for a read that joins it (one `?`: `keyOf(userId)`). */
  static readonly ROW_SQL = guessBudgetRowSql(TABLE, 'login_key');

  /** The same row locked, every column, for a statement that locks it after something else. */
  static readonly LOCK_SQL = guessBudgetLockSql(TABLE, 'login_key');

  /**
   * One statement creates the row on a name's first attempt and locks it either way (an upsert's
   * DO UPDATE takes the row lock), so parallel attempts queue here one by one.
   */
  async lockOrCreate(em: EntityManager, userId: string): Promise<LoginThrottle> {
    const [row] = await em.execute<Array<GuessBudgetRow & { login_key: string }>>(
      `insert into ${TABLE} ("login_key") values (?)
       on conflict ("login_key") do update set "login_key" = excluded."login_key"
       returning "login_key", ${GUESS_BUDGET_COLUMNS}`,
      [LoginThrottle.keyOf(userId)],
    );
    return em.map(LoginThrottle, row);
  }

  lock(em: EntityManager, userId: string): Promise<LoginThrottle | null> {
    return em.findOne(
      LoginThrottle,
      { loginKey: LoginThrottle.keyOf(userId) },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  /** A detached throttle holding `seen`, the state read without a lock: to compute, never to flush. */
  restore(userId: string, seen: GuessBudgetRow | null): LoginThrottle {
    const throttle = new LoginThrottle();
    throttle.loginKey = LoginThrottle.keyOf(userId);
    return restoreGuessBudget(throttle, seen);
  }

  /** Stores `next` if the row still holds `seen`, without a transaction; false when it changed. */
  storeIfUnchanged(
    em: EntityManager,
    seen: GuessBudgetRow | null,
    next: LoginThrottle,
  ): Promise<boolean> {
    const table: GuessBudgetTable = { name: TABLE, key: ['login_key', next.loginKey] };
    return storeIfUnchanged(em, table, seen, next);
  }
}
