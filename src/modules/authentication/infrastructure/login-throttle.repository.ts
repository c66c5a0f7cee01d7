import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { LoginThrottle } from '../domain/login-throttle.entity';

/** The columns of a `GuessBudget`, as an upsert returns them. */
export interface GuessBudgetRow {
  consecutive_failures: number;
  attempts_in_flight: number;
  last_reserved_at: Date | null;
  cooldown_until: Date | null;
}

export const GUESS_BUDGET_COLUMNS =
  '"consecutive_failures", "attempts_in_flight", "last_reserved_at", "cooldown_until"';

/** The cool-down rows, always changed under their row lock (ADR 0020). */
@Injectable()
export class LoginThrottleRepository {
  /**
   * One statement creates the row on a name's first attempt and locks it either way (an upsert's
   * DO UPDATE takes the row lock), so parallel attempts queue here one by one.
   */
  async lockOrCreate(em: EntityManager, userId: string): Promise<LoginThrottle> {
    const [row] = await em.execute<Array<GuessBudgetRow & { login_key: string }>>(
      `insert into "authentication"."login_throttle" ("login_key") values (?)
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
}
