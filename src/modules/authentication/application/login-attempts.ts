import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { refuseAfterCommit, TooManyRequestsError, TransactionRunner } from '@app/platform';
import { LoginThrottled } from '../domain/authentication.events';
import { LoginThrottle } from '../domain/login-throttle.entity';
import type { AttemptReservation } from '../domain/login-throttle.entity';
import { AuthenticationSettings } from './authentication-settings';

interface LoginThrottleRow {
  login_key: string;
  consecutive_failures: number;
  attempts_in_flight: number;
  last_reserved_at: Date | null;
  cooldown_until: Date | null;
}

/** Pauses between reservations while every remaining attempt is in flight: about one hash each. */
const BUSY_PAUSES_MS = [5, 10, 20, 40, 80, 100];

/**
 * The per-user-ID password cool-down. Each attempt is reserved in its own short transaction under a
 * row lock *before* any hashing, and settled in the transaction that commits its outcome; the
 * argon2 work happens outside any transaction, so an attack on one account neither evaluates more
 * guesses than the limit nor holds database connections.
 *
 * When attempts in flight take every remaining place, a new attempt waits (holding no connection)
 * until one settles rather than being refused: parallel right passwords all get through.
 */
@Injectable()
export class LoginAttempts {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly settings: AuthenticationSettings,
  ) {}

  /** Counts one attempt as failed until it is settled; throws TOO_MANY_ATTEMPTS in a cool-down. */
  async reserve(userId: string, accountId: string | null): Promise<void> {
    const deadline = Date.now() + this.settings.attemptWaitMs;
    for (let pause = 0; ; pause += 1) {
      const reservation = await this.tryReserve(userId, accountId);
      if (reservation.kind === 'reserved') return;
      if (Date.now() >= deadline) throw new TooManyRequestsError({ retryAfterSeconds: 1 });
      await sleep(BUSY_PAUSES_MS[Math.min(pause, BUSY_PAUSES_MS.length - 1)]);
    }
  }

  /** The reserved attempt was wrong. Runs in the transaction that commits the refusal. */
  async settleFailure(em: EntityManager, userId: string): Promise<void> {
    const throttle = await this.lock(em, userId);
    throttle?.settleFailure(new Date(), this.settings.cooldown);
  }

  /** The reserved attempt was right. Runs in the transaction that commits the outcome. */
  async settleSuccess(em: EntityManager, userId: string): Promise<void> {
    const throttle = await this.lock(em, userId);
    throttle?.settleSuccess();
  }

  /** Reserved or busy; a cool-down commits its event and throws TOO_MANY_ATTEMPTS. */
  private tryReserve(
    userId: string,
    accountId: string | null,
  ): Promise<Exclude<AttemptReservation, { kind: 'refused' }>> {
    return this.transactions.run(async (em) => {
      // One statement creates the row on a name's first attempt and locks it either way (an
      // upsert's DO UPDATE takes the row lock), so parallel attempts queue here one by one.
      const [row] = await em.execute<LoginThrottleRow[]>(
        `insert into "authentication"."login_throttle" ("login_key") values (?)
         on conflict ("login_key") do update set "login_key" = excluded."login_key"
         returning "login_key", "consecutive_failures", "attempts_in_flight", "last_reserved_at", "cooldown_until"`,
        [LoginThrottle.keyOf(userId)],
      );
      const throttle = em.map(LoginThrottle, row);
      const reservation = throttle.reserveAttempt(new Date(), this.settings.cooldown);
      if (reservation.kind !== 'refused') return reservation;
      const { retryAfterSeconds } = reservation;
      this.transactions.publish(
        em,
        new LoginThrottled({ userId, accountId, limit: 'account', retryAfterSeconds }),
      );
      throw refuseAfterCommit(new TooManyRequestsError({ retryAfterSeconds }));
    });
  }

  private lock(em: EntityManager, userId: string): Promise<LoginThrottle | null> {
    return em.findOne(
      LoginThrottle,
      { loginKey: LoginThrottle.keyOf(userId) },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
