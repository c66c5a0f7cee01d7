import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { DeviceCookie } from '../domain/device-cookie';
import { DeviceCookieThrottle } from '../domain/device-cookie-throttle.entity';
import {
  GUESS_BUDGET_COLUMNS,
  guessBudgetLockSql,
  guessBudgetRowSql,
  restoreGuessBudget,
  storeIfUnchanged,
} from './guess-budget.rows';
import type { GuessBudgetRow, GuessBudgetTable } from './guess-budget.rows';

const TABLE = '"authentication"."device_cookie_throttle"';

/** The device cookies' failure counts, changed like the cool-down rows (ADR 0023, as ADR 0020). */
@Injectable()
export class DeviceCookieThrottleRepository {
  /** The sub-select of a cookie's row as JSON, for a read that joins it (one `?`: the nonce). */
  static readonly ROW_SQL = guessBudgetRowSql(TABLE, 'nonce');

  /** The same row locked, every column, for a statement that locks it after something else. */
  static readonly LOCK_SQL = guessBudgetLockSql(TABLE, 'nonce');

  /** Creates the row at the cookie's first attempt and locks it either way, in one statement. */
  async lockOrCreate(em: EntityManager, cookie: DeviceCookie): Promise<DeviceCookieThrottle> {
    const [row] = await em.execute<Array<GuessBudgetRow & { nonce: string; login_key: string }>>(
      `insert into ${TABLE} ("nonce", "login_key") values (?, ?)
       on conflict ("nonce") do update set "nonce" = excluded."nonce"
       returning "nonce", "login_key", ${GUESS_BUDGET_COLUMNS}`,
      [cookie.nonce, cookie.loginKey],
    );
    return em.map(DeviceCookieThrottle, row);
  }

  lock(em: EntityManager, cookie: DeviceCookie): Promise<DeviceCookieThrottle | null> {
    return em.findOne(
      DeviceCookieThrottle,
      { nonce: cookie.nonce },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  /** A detached row holding `seen`, the state read without a lock: to compute, never to flush. */
  restore(cookie: DeviceCookie, seen: GuessBudgetRow | null): DeviceCookieThrottle {
    const throttle = new DeviceCookieThrottle();
    throttle.nonce = cookie.nonce;
    throttle.loginKey = cookie.loginKey;
    return restoreGuessBudget(throttle, seen);
  }

  /** Stores `next` if the row still holds `seen`, without a transaction; false when it changed. */
  storeIfUnchanged(
    em: EntityManager,
    seen: GuessBudgetRow | null,
    next: DeviceCookieThrottle,
  ): Promise<boolean> {
    const table: GuessBudgetTable = {
      name: TABLE,
      key: ['nonce', next.nonce],
      extra: { login_key: next.loginKey },
    };
    return storeIfUnchanged(em, table, seen, next);
  }

  forget(em: EntityManager, throttle: DeviceCookieThrottle): void {
    em.remove(throttle);
  }
}
