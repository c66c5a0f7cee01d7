import { OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type Redis from 'ioredis';
import { RateLimitOutage, rateLimitRedis } from './rate-limit-redis';
import type { ThrottlerRecord } from './rate-limit-redis';

/**
 * Rate-limit counters in Redis, shared by all instances, one round trip per attempt: the keyed
 * limits (login per IP, recovery…) count exactly. When Redis is unreachable the limits are not
 * enforced for that moment (logged) rather than failing every request: the account-level
 * protections (password cool-down, two-factor lock) live in PostgreSQL and keep holding.
 */
export class ResilientThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly redis: Redis;
  private readonly inner: ThrottlerStorageRedisService;
  private readonly outage = new RateLimitOutage();

  constructor(url: string, prefix: string) {
    this.redis = rateLimitRedis(url, prefix);
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
      return this.outage.notEnforced(error);
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect(false);
  }
}
