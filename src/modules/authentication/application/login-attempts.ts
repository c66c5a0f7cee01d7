import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { TooManyRequestsError, TransactionRunner } from '@app/platform';
import { LoginThrottled } from '../domain/authentication.events';
import { LoginThrottle } from '../domain/login-throttle.entity';
import { AuthenticationSettings } from './authentication-settings';

interface LoginThrottleRow {
  login_key: string;
  consecutive_failures: number;
  cooldown_until: Date | null;
}

/**
 * The per-user-ID password cool-down. Each attempt is reserved in its own short transaction under a
 * row lock *before* any hashing, and the argon2 work happens outside any transaction, so an attack
 * on one account neither evaluates more guesses than the limit nor holds database connections.
 */
@Injectable()
export class LoginAttempts {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly settings: AuthenticationSettings,
  ) {}

  /** Counts one attempt as failed until `forgive` says otherwise; throws TOO_MANY_ATTEMPTS in a cool-down. */
  async reserve(userId: string, accountId: string | null): Promise<void> {
    const loginKey = LoginThrottle.keyOf(userId);
    const reservation = await this.transactions.run(async (em) => {
      // One statement creates the row on a name's first attempt and locks it either way (an
      // upsert's DO UPDATE takes the row lock), so parallel attempts queue here one by one.
      const [row] = await em.execute<LoginThrottleRow[]>(
        `insert into "authentication"."login_throttle" ("login_key") values (?)
         on conflict ("login_key") do update set "login_key" = excluded."login_key"
         returning "login_key", "consecutive_failures", "cooldown_until"`,
        [loginKey],
      );
      const throttle = em.map(LoginThrottle, row);
      const decision = throttle.reserveAttempt(new Date(), this.settings.cooldown);
      if (!decision.allowed) {
        this.transactions.publish(
          em,
          new LoginThrottled(userId, accountId, 'account', decision.retryAfterSeconds),
        );
      }
      return decision;
    });
    if (!reservation.allowed)
      throw new TooManyRequestsError({ retryAfterSeconds: reservation.retryAfterSeconds });
  }

  /** The attempt was right: the consecutive-failure count starts again. Runs in the caller's transaction. */
  async forgive(em: EntityManager, userId: string): Promise<void> {
    await em.nativeUpdate(
      LoginThrottle,
      { loginKey: LoginThrottle.keyOf(userId) },
      { consecutiveFailures: 0, cooldownUntil: null },
    );
  }
}
