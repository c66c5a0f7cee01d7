import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { refuseAfterCommit, TooManyRequestsError, TransactionRunner } from '@app/platform';
import type { LoginFailureReason } from '../domain/authentication.events';
import type { DeviceCookie } from '../domain/device-cookie';
import type { LoginAttempt } from '../domain/login-throttle.entity';
import { DeviceCookieThrottleRepository } from '../infrastructure/device-cookie-throttle.repository';
import { LoginThrottleRepository } from '../infrastructure/login-throttle.repository';
import { AuthenticationSettings } from './authentication-settings';

/** Pauses between reservations while every remaining attempt is in flight: about one hash each. */
const BUSY_PAUSES_MS = [5, 10, 20, 40, 80, 100];

/**
 * Whose count a reserved attempt took a place in: the device cookie's, when a device that once logged
 * in to the ID presented it and it is not locked (ADR 0023), or the user ID's cool-down.
 */
export type ReservedAttempt = { against: 'device'; device: DeviceCookie } | { against: 'user_id' };

const ANONYMOUS: ReservedAttempt = { against: 'user_id' };

/**
 * The per-user-ID password cool-down. Each attempt is reserved in its own short transaction under a
 * row lock *before* any hashing, and settled in the transaction that commits its outcome; the
 * argon2 work happens outside any transaction, so an attack on one account neither evaluates more
 * guesses than the limit nor holds database connections.
 *
 * When attempts in flight take every remaining place, a new attempt waits (holding no connection)
 * until one settles rather than being refused: parallel right passwords all get through.
 *
 * A login from a device holding a valid device cookie for the ID counts against that cookie only,
 * so an attacker who put the ID into cool-down does not lock its owner out (ADR 0023).
 */
@Injectable()
export class LoginAttempts {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly throttles: LoginThrottleRepository,
    private readonly deviceThrottles: DeviceCookieThrottleRepository,
    private readonly settings: AuthenticationSettings,
  ) {}

  /**
   * Counts one attempt as failed until it is settled, against `device` when it is given and not
   * locked; throws TOO_MANY_ATTEMPTS in the user ID's cool-down.
   */
  async reserve(
    userId: string,
    accountId: string | null,
    device: DeviceCookie | null = null,
  ): Promise<ReservedAttempt> {
    const deadline = Date.now() + this.settings.attemptWaitMs;
    for (let pause = 0; ; pause += 1) {
      const reservation = await this.tryReserve({ userId, accountId }, device);
      if (reservation) return reservation;
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
    reserved: ReservedAttempt = ANONYMOUS,
  ): Promise<void> {
    // The reservation made the row; creating it here too means the fact is never dropped.
    const throttle =
      reserved.against === 'device'
        ? await this.deviceThrottles.lockOrCreate(em, reserved.device)
        : await this.throttles.lockOrCreate(em, attempt.userId);
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

  /**
   * The reserved attempt was right. Runs in the transaction that commits the outcome. A device's
   * success clears the device's count only: it says nothing about the anonymous guesses at the ID.
   */
  async settleSuccess(
    em: EntityManager,
    userId: string,
    reserved: ReservedAttempt = ANONYMOUS,
  ): Promise<void> {
    if (reserved.against === 'user_id') {
      const throttle = await this.throttles.lock(em, userId);
      throttle?.settleSuccess();
      return;
    }
    const throttle = await this.deviceThrottles.lock(em, reserved.device);
    throttle?.settleSuccess();
    // A device whose count is clear needs no row: the table holds only devices with failures.
    if (throttle?.consecutiveFailures === 0) this.deviceThrottles.forget(em, throttle);
  }

  /**
   * The reservation, or null while busy; a cool-down of the user ID commits the throttle's
   * `LoginThrottled` and throws TOO_MANY_ATTEMPTS. A locked device cookie counts as anonymous.
   */
  private tryReserve(
    attempt: LoginAttempt,
    device: DeviceCookie | null,
  ): Promise<ReservedAttempt | null> {
    const now = new Date();
    const policy = this.settings.cooldown;
    return this.transactions.run(async (em) => {
      if (device) {
        const deviceThrottle = await this.deviceThrottles.lockOrCreate(em, device);
        const reservation = deviceThrottle.reserveAttempt(now, policy);
        if (reservation.kind === 'reserved') return { against: 'device', device };
        if (reservation.kind === 'busy') return null;
      }
      const throttle = await this.throttles.lockOrCreate(em, attempt.userId);
      const reservation = throttle.reserveAttempt(now, policy, attempt);
      if (reservation.kind === 'reserved') return ANONYMOUS;
      if (reservation.kind === 'busy') return null;
      const { retryAfterSeconds } = reservation;
      throw refuseAfterCommit(new TooManyRequestsError({ retryAfterSeconds }));
    });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
