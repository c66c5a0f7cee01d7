import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { DeviceCookie } from '../domain/device-cookie';
import { DeviceCookieThrottle } from '../domain/device-cookie-throttle.entity';
import { GUESS_BUDGET_COLUMNS } from './login-throttle.repository';
import type { GuessBudgetRow } from './login-throttle.repository';

/** The device cookies' failure counts, always changed under their row lock (ADR 0023, as ADR 0020). */
@Injectable()
export class DeviceCookieThrottleRepository {
  /** Creates the row at the cookie's first attempt and locks it either way, in one statement. */
  async lockOrCreate(em: EntityManager, cookie: DeviceCookie): Promise<DeviceCookieThrottle> {
    const [row] = await em.execute<Array<GuessBudgetRow & { nonce: string; login_key: string }>>(
      `insert into "authentication"."device_cookie_throttle" ("nonce", "login_key") values (?, ?)
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

  forget(em: EntityManager, throttle: DeviceCookieThrottle): void {
    em.remove(throttle);
  }
}
