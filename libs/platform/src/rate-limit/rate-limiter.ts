import { Inject, Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { TooManyRequestsError } from '../http/platform.errors';

export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

export interface RateLimitDecision {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Counts attempts per key (an e-mail address, a user ID, a client IP…) in Redis, atomically and
 * shared by every instance, so N instances enforce one limit together.
 */
@Injectable()
export class RateLimiter {
  constructor(@Inject(RATE_LIMIT_STORAGE) private readonly storage: ThrottlerStorage) {}

  async consume(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    const record = await this.storage.increment(`rl:${key}`, windowMs, limit, windowMs, 'keyed');
    return {
      allowed: !record.isBlocked && record.totalHits <= limit,
      hits: record.totalHits,
      retryAfterSeconds: Math.max(
        1,
        record.isBlocked ? record.timeToBlockExpire : record.timeToExpire,
      ),
    };
  }

  /** Consumes one attempt on every key and throws TOO_MANY_ATTEMPTS when any of them is over its limit. */
  async enforce(rules: { key: string; limit: number; windowMs: number }[]): Promise<void> {
    const decisions = await Promise.all(
      rules.map((rule) => this.consume(rule.key, rule.limit, rule.windowMs)),
    );
    const refused = decisions.filter((d) => !d.allowed);
    if (refused.length > 0) {
      throw new TooManyRequestsError({
        retryAfterSeconds: Math.max(...refused.map((d) => d.retryAfterSeconds)),
      });
    }
  }
}
