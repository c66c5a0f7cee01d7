import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

export type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** What a storage answers while Redis is unreachable: the request goes through. */
export const NOT_ENFORCED: ThrottlerRecord = Object.freeze({
  totalHits: 0,
  timeToExpire: 0,
  isBlocked: false,
  timeToBlockExpire: 0,
});

/**
 * The rate limits' own connection: no offline queue and one retry, so that an unreachable Redis
 * fails a request at once instead of holding it.
 */
export function rateLimitRedis(url: string, prefix: string): Redis {
  const redis = new Redis(url, {
    keyPrefix: `${prefix}:rate:`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
  });
  redis.on('error', () => undefined);
  return redis;
}

/** Says that limits are not enforced, at most once every 10 s however many requests fail. */
export class RateLimitOutage {
  private readonly logger = new Logger('RateLimit');
  private lastWarning = 0;

  notEnforced(error: unknown): ThrottlerRecord {
    if (Date.now() - this.lastWarning > 10_000) {
      this.lastWarning = Date.now();
      this.logger.warn(`Rate limits not enforced, Redis unavailable: ${(error as Error).message}`);
    }
    return NOT_ENFORCED;
  }
}
