import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { refuseAfterCommit, TooManyRequestsError, TransactionRunner } from '@app/platform';
import type { LoginFailureReason } from '../domain/authentication.events';
import type { DeviceCookie } from '../domain/device-cookie';
import type { Credential } from '../domain/credential.entity';
import { DeviceCookieThrottle } from '../domain/device-cookie-throttle.entity';
import type { GuessBudget } from '../domain/guess-budget';
import { LoginThrottle } from '../domain/login-throttle.entity';
import type { LoginAttempt } from '../domain/login-throttle.entity';
import { CredentialRepository } from '../infrastructure/credential.repository';
import { DeviceCookieThrottleRepository } from '../infrastructure/device-cookie-throttle.repository';
import { LoginThrottleRepository } from '../infrastructure/login-throttle.repository';
import { AuthenticationSettings } from './authentication-settings';
import type { SeenGuessBudgets } from './login-facts';

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
    private readonly em: EntityManager,
    private readonly transactions: TransactionRunner,
    private readonly throttles: LoginThrottleRepository,
    private readonly deviceThrottles: DeviceCookieThrottleRepository,
    private readonly credentials: CredentialRepository,
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
    seen?: SeenGuessBudgets,
  ): Promise<ReservedAttempt> {
    const attempt = { userId, accountId };
    const asSeen = seen ? await this.reserveAsSeen(attempt, device, seen) : null;
    if (asSeen) return asSeen;
    const deadline = Date.now() + this.settings.attemptWaitMs;
    for (let pause = 0; ; pause += 1) {
      const reservation = await this.tryReserve(attempt, device);
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
   * The accept transaction's two locks in one statement (ADR 0093): the account's credential, then
   * the budget the attempt was reserved against. Settle the attempt with `settleSuccess(em,
   * reserved, budget)`.
   */
  async lockForAcceptance(
    em: EntityManager,
    accountId: string,
    userId: string,
    reserved: ReservedAttempt,
  ): Promise<{ credential: Credential; budget: GuessBudget | null }> {
    const budget =
      reserved.against === 'user_id'
        ? {
            sql: LoginThrottleRepository.LOCK_SQL,
            param: LoginThrottle.keyOf(userId),
            type: LoginThrottle,
          }
        : {
            sql: DeviceCookieThrottleRepository.LOCK_SQL,
            param: reserved.device.nonce,
            type: DeviceCookieThrottle,
          };
    const locked = await this.credentials.lockExistingThen(em, accountId, budget);
    return {
      credential: locked.credential,
      budget: locked.after ? em.map<GuessBudget>(budget.type, locked.after) : null,
    };
  }

  /**
   * The reserved attempt was right. Runs in the transaction that commits the outcome, with the
   * budget locked there (`budget`, from `lockForAcceptance`) or locked here. A device's success
   * clears the device's count only: it says nothing about the anonymous guesses at the ID.
   */
  async settleSuccess(
    em: EntityManager,
    userId: string,
    reserved: ReservedAttempt = ANONYMOUS,
    budget?: GuessBudget | null,
  ): Promise<void> {
    const throttle = budget !== undefined ? budget : await this.lockBudget(em, userId, reserved);
    throttle?.settleSuccess();
    // A device whose count is clear needs no row: the table holds only devices with failures.
    if (throttle instanceof DeviceCookieThrottle && throttle.consecutiveFailures === 0)
      this.deviceThrottles.forget(em, throttle);
  }

  private lockBudget(
    em: EntityManager,
    userId: string,
    reserved: ReservedAttempt,
  ): Promise<GuessBudget | null> {
    return reserved.against === 'user_id'
      ? this.throttles.lock(em, userId)
      : this.deviceThrottles.lock(em, reserved.device);
  }

  /**
   * The common case in one statement and no transaction (ADR 0093): the budgets as the login's read
   * saw them allow the attempt, and they are still as seen when the reservation is stored. Null
   * when anything else holds — busy, a cool-down, a locked cookie, or a budget changed since it was
   * read: the locked path then decides, from the budgets as they are.
   */
  private async reserveAsSeen(
    attempt: LoginAttempt,
    device: DeviceCookie | null,
    seen: SeenGuessBudgets,
  ): Promise<ReservedAttempt | null> {
    const now = new Date();
    const policy = this.settings.cooldown;
    if (device) {
      const deviceThrottle = this.deviceThrottles.restore(device, seen.device);
      const reservation = deviceThrottle.reserveAttempt(now, policy);
      if (reservation.kind === 'busy') return null;
      if (reservation.kind === 'reserved') {
        const stored = await this.deviceThrottles.storeIfUnchanged(
          this.em,
          seen.device,
          deviceThrottle,
        );
        return stored ? { against: 'device', device } : null;
      }
    }
    const throttle = this.throttles.restore(attempt.userId, seen.userId);
    if (throttle.reserveAttempt(now, policy, attempt).kind !== 'reserved') return null;
    const stored = await this.throttles.storeIfUnchanged(this.em, seen.userId, throttle);
    return stored ? ANONYMOUS : null;
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
