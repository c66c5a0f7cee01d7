import { Logger, OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate-limit counters in Redis, shared by all instances. When Redis is unreachable the limits are
 * not enforced for that moment (logged) rather than failing every request: the account-level
 * protections (password cool-down, two-factor lock) live in PostgreSQL and keep holding.
 */
export class ResilientThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;
  private readonly inner: ThrottlerStorageRedisService;
  private lastWarning = 0;

  constructor(url: string, prefix: string) {
    this.redis = new Redis(url, {
      keyPrefix: `${prefix}:rate:`,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    this.redis.on('error', () => undefined);
    this.inner = new ThrottlerStorageRedisService(this.redis);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerRecord> {
    try {
      return await this.inner.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      if (Date.now() - this.lastWarning > 10_000) {
        this.lastWarning = Date.now();
        this.logger.warn(
          `Rate limits not enforced, Redis unavailable: ${(error as Error).message}`,
        );
      }
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect(false);
  }
}
