import { OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { ClientTokens } from './client-tokens';
import { RateLimitOutage, rateLimitRedis } from './rate-limit-redis';
import type { ThrottlerRecord } from './rate-limit-redis';

/** Adds a block to the client's count; a new count lives one window. Returns the count and its PTTL. */
const TAKE_BLOCK = `
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  left = tonumber(ARGV[2])
end
return { total, left }
`;

const SWEEP_INTERVAL_MS = 1000;

type BlockRedis = Redis & {
  takeTokenBlock(key: string, blockSize: number, windowMs: number): Promise<[number, number]>;
};

interface Client {
  tokens: ClientTokens;
  /** The block fetch in flight, shared by every request of the client; what to answer when Redis failed. */
  fetching?: Promise<ThrottlerRecord | null>;
}

export interface BlockTokenOptions {
  /** Tokens taken from Redis per round trip; 1 counts every request in Redis. */
  blockSize: number;
  /** Clients remembered at most; past it the oldest is forgotten (which only ever refuses earlier). */
  maxClients?: number;
}

/**
 * The global per-client limit without a Redis round trip per request (ADR 0099): each instance
 * takes a client's tokens from Redis in blocks and counts requests locally until the block is
 * spent or the window ends. Redis's count stays exact and no client gets more than the limit
 * across instances; a client may be refused up to (instances − 1) × block requests early.
 * Redis unreachable: not enforced for that moment, as ResilientThrottlerStorage.
 */
export class BlockTokenThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly redis: BlockRedis;
  private readonly outage = new RateLimitOutage();
  /** In the order they were first seen, so the oldest is forgotten first past maxClients. */
  private readonly clients = new Map<string, Client>();
  private nextSweep = 0;
  private readonly blockSize: number;
  private readonly maxClients: number;

  constructor(url: string, prefix: string, options: BlockTokenOptions) {
    if (!Number.isInteger(options.blockSize) || options.blockSize < 1)
      throw new RangeError('blockSize must be a positive integer');
    this.blockSize = options.blockSize;
    this.maxClients = options.maxClients ?? 100_000;
    const redis = rateLimitRedis(url, prefix);
    redis.defineCommand('takeTokenBlock', { numberOfKeys: 1, lua: TAKE_BLOCK });
    this.redis = redis as BlockRedis;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerRecord> {
    const id = `{${key}:${throttlerName}}:tokens`;
    this.forgetExpired(Date.now());
    // Held across the wait, so the block a request waited for is the one it takes from.
    const client = this.clients.get(id) ?? this.remember(id);
    for (;;) {
      if (client.fetching) {
        const failed = await client.fetching;
        if (failed) return failed;
      }
      const now = Date.now();
      const outcome = client.tokens.take(now);
      if (outcome !== 'needs-block') return client.tokens.record(outcome, now);
      client.fetching ??= this.takeBlock(id, client, ttl, limit);
    }
  }

  /** Clients remembered now (expired ones are dropped as requests arrive). */
  get clientCount(): number {
    return this.clients.size;
  }

  onModuleDestroy(): void {
    this.redis.disconnect(false);
  }

  private async takeBlock(
    id: string,
    client: Client,
    ttl: number,
    limit: number,
  ): Promise<ThrottlerRecord | null> {
    const size = Math.min(this.blockSize, limit);
    const startedAt = Date.now();
    try {
      const [total, windowLeftMs] = await this.redis.takeTokenBlock(id, size, ttl);
      client.tokens.receiveBlock(limit, size, total, windowLeftMs, startedAt);
      return null;
    } catch (error) {
      if (this.clients.get(id) === client) this.clients.delete(id);
      return this.outage.notEnforced(error);
    } finally {
      client.fetching = undefined;
    }
  }

  private remember(id: string): Client {
    if (this.clients.size >= this.maxClients) this.forgetOldest();
    const client = { tokens: new ClientTokens() };
    this.clients.set(id, client);
    return client;
  }

  /** At most once a second: a flood of distinct clients is forgotten one window later. */
  private forgetExpired(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_INTERVAL_MS;
    for (const [id, client] of this.clients)
      if (!client.fetching && client.tokens.isOver(now)) this.clients.delete(id);
  }

  /**
   * Forgetting a client only ever refuses it earlier: its unspent tokens stay counted in Redis,
   * and its next request takes a new block (none, if the limit is reached).
   */
  private forgetOldest(): void {
    const oldest = this.clients.keys().next();
    if (!oldest.done) this.clients.delete(oldest.value);
  }
}
