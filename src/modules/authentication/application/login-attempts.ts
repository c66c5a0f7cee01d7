import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { refuseAfterCommit, TooManyRequestsError, TransactionRunner } from '@app/platform';
import type { LoginFailureReason } from '../domain/authentication.events';
import type { AttemptReservation, LoginAttempt } from '../domain/login-throttle.entity';
import { LoginThrottleRepository } from '../infrastructure/login-throttle.repository';
import { AuthenticationSettings } from './authentication-settings';

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
    private readonly throttles: LoginThrottleRepository,
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

  /**
   * The reserved attempt was a wrong login, recorded as `LoginFailed`. Runs in the transaction
   * that commits the refusal.
   */
  async settleFailedLogin(
    em: EntityManager,
    attempt: LoginAttempt & { reason: LoginFailureReason },
  ): Promise<void> {
    // The reservation made the row; creating it here too means the fact is never dropped.
    const throttle = await this.throttles.lockOrCreate(em, attempt.userId);
    throttle.refuseLogin(new Date(), this.settings.cooldown, attempt);
  }

  /** The reserved attempt was a wrong current password, recorded as `PasswordChangeRejected`. */
  async settleRejectedPasswordChange(
    em: EntityManager,
    actor: { userId: string; accountId: string },
  ): Promise<void> {
    const throttle = await this.throttles.lockOrCreate(em, actor.userId);
    throttle.refusePasswordChange(new Date(), this.settings.cooldown, actor.accountId);
  }

  /** The reserved attempt was right. Runs in the transaction that commits the outcome. */
  async settleSuccess(em: EntityManager, userId: string): Promise<void> {
    const throttle = await this.throttles.lock(em, userId);
    throttle?.settleSuccess();
  }

  /** Reserved or busy; a cool-down commits the throttle's `LoginThrottled` and throws TOO_MANY_ATTEMPTS. */
  private tryReserve(
    userId: string,
    accountId: string | null,
  ): Promise<Exclude<AttemptReservation, { kind: 'refused' }>> {
    return this.transactions.run(async (em) => {
      const throttle = await this.throttles.lockOrCreate(em, userId);
      const reservation = throttle.reserveAttempt(new Date(), this.settings.cooldown, {
        userId,
        accountId,
      });
      if (reservation.kind !== 'refused') return reservation;
      const { retryAfterSeconds } = reservation;
      throw refuseAfterCommit(new TooManyRequestsError({ retryAfterSeconds }));
    });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
