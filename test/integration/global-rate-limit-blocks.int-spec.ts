import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { BlockTokenThrottlerStorage, ResilientThrottlerStorage } from '@app/platform';
import type { BlockTokenOptions } from '@app/platform';
import { REDIS_URL, redisPrefix, runId } from '@test/support/environment';
import { CLOCK_ONLY } from '@test/support/fake-clock';
import { PrivateRedis } from '@test/support/private-redis';
import { waitFor } from '@test/support/wait-for';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The global per-client limit taken from Redis in blocks (ADR 0099), against the real Redis: each
 * storage object stands for one instance of the service, all of them sharing the Redis count.
 */
describe('global rate limit in blocks of tokens (real Redis)', () => {
  const open: { onModuleDestroy(): void }[] = [];
  let inspector: Redis;
  let warn: jest.SpyInstance;

  beforeAll(() => {
    inspector = new Redis(REDIS_URL);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterAll(() => {
    for (const storage of open) storage.onModuleDestroy();
    inspector.disconnect();
    warn.mockRestore();
  });

  const notEnforcedWarnings = () =>
    warn.mock.calls.filter(([message]) => String(message).includes('not enforced')).length;

  const uniquePrefix = () => `${redisPrefix(runId())}-blocks-${randomBytes(4).toString('hex')}`;

  /** One "instance": its own storage object and connection, on the prefix the instances share. */
  async function anInstance(
    prefix: string,
    options: BlockTokenOptions,
    url = REDIS_URL,
  ): Promise<BlockTokenThrottlerStorage> {
    const storage = new BlockTokenThrottlerStorage(url, prefix, options);
    open.push(storage);
    // The connection is not queued while it opens: wait until a request is really counted.
    await waitFor(
      async () => (await storage.increment('ready', 60_000, 1000, 60_000, 'probe')).totalHits > 0,
      { what: 'the rate-limit connection' },
    );
    return storage;
  }

  const hit = (storage: ThrottlerStorage, limit: number, windowMs: number, client = 'client-a') =>
    storage.increment(client, windowMs, limit, windowMs, 'per-client');

  /** `count` requests of one client at once, spread round-robin over the instances. */
  function burst(
    instances: ThrottlerStorage[],
    count: number,
    limit: number,
    windowMs: number,
    client = 'client-a',
  ): Promise<ThrottlerRecord[]> {
    return Promise.all(
      Array.from({ length: count }, (_, i) =>
        hit(instances[i % instances.length], limit, windowMs, client),
      ),
    );
  }

  const allowed = (records: ThrottlerRecord[]) => records.filter((r) => !r.isBlocked).length;

  /** Redis's count of the client: every block any instance took, so blocks = count / block size. */
  async function countInRedis(prefix: string, client = 'client-a'): Promise<number> {
    return Number(await inspector.get(`${prefix}:rate:{${client}:per-client}:tokens`));
  }

  it('allows exactly the limit per window from one instance under parallel requests, one round trip per block', async () => {
    const prefix = uniquePrefix();
    const instance = await anInstance(prefix, { blockSize: 10 });

    const records = await burst([instance], 60, 25, 60_000);

    expect(allowed(records)).toBe(25);
    // 10 + 10 + 5 of the third block: three round trips for 60 concurrent requests, no herd.
    expect(await countInRedis(prefix)).toBe(30);
    const refused = records.filter((r) => r.isBlocked);
    for (const record of refused) {
      expect(record.timeToBlockExpire).toBeGreaterThanOrEqual(59);
      expect(record.timeToBlockExpire).toBeLessThanOrEqual(60);
      expect(record.totalHits).toBeGreaterThan(25);
    }
    // Refused for the rest of the window without asking Redis again.
    expect(allowed(await burst([instance], 20, 25, 60_000))).toBe(0);
    expect(await countInRedis(prefix)).toBe(30);
  });

  it('shares one block fetch between the concurrent requests of a client', async () => {
    const prefix = uniquePrefix();
    const instance = await anInstance(prefix, { blockSize: 10 });

    const records = await burst([instance], 50, 1000, 60_000);

    expect(allowed(records)).toBe(50);
    expect(await countInRedis(prefix)).toBe(50);
    expect(records.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  it.each([
    [2, 25, 10],
    [2, 37, 5],
    [3, 37, 5],
    [3, 8, 10],
  ])(
    '%i instances sharing Redis allow exactly the limit (%i, block %i) in total, never more',
    async (instanceCount, limit, blockSize) => {
      const prefix = uniquePrefix();
      const instances: BlockTokenThrottlerStorage[] = [];
      for (let i = 0; i < instanceCount; i += 1)
        instances.push(await anInstance(prefix, { blockSize }));

      const records = await burst(instances, limit * 3, limit, 60_000);

      expect(allowed(records)).toBe(limit);
      expect(allowed(await burst(instances, limit, limit, 60_000))).toBe(0);
      // Every refusal says how long: the rest of the window.
      for (const record of records.filter((r) => r.isBlocked))
        expect(record.timeToBlockExpire).toBeGreaterThanOrEqual(1);
    },
  );

  it('refuses a client early by at most (instances − 1) × block, never allowing more', async () => {
    const prefix = uniquePrefix();
    const [busy, idle] = [
      await anInstance(prefix, { blockSize: 10 }),
      await anInstance(prefix, { blockSize: 10 }),
    ];
    // The idle instance takes a block and answers a single request from it: 9 tokens sit unused there.
    expect(allowed(await burst([idle], 1, 30, 60_000))).toBe(1);

    const records = await burst([busy], 40, 30, 60_000);

    expect(allowed(records)).toBe(20);
    expect(allowed(records) + 1).toBeGreaterThanOrEqual(30 - (2 - 1) * 10);
    // The idle instance's block and two of the busy one's; the third would be over the limit.
    expect(await countInRedis(prefix)).toBe(30);
  });

  it('allows the client again once the window has ended', async () => {
    const prefix = uniquePrefix();
    const [a, b] = [
      await anInstance(prefix, { blockSize: 2 }),
      await anInstance(prefix, { blockSize: 2 }),
    ];
    const first = await burst([a, b], 10, 5, 1500);
    expect(allowed(first)).toBe(5);
    const retryAfter = Math.max(
      ...first.filter((r) => r.isBlocked).map((r) => r.timeToBlockExpire),
    );
    expect(retryAfter).toBe(2);
    const ttl = await inspector.pttl(`${prefix}:rate:{client-a:per-client}:tokens`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1500);

    await new Promise((resolve) => setTimeout(resolve, 1600));

    expect(allowed(await burst([a, b], 10, 5, 1500))).toBe(5);
  });

  it('with a block of 1 counts every request in Redis', async () => {
    const prefix = uniquePrefix();
    const instance = await anInstance(prefix, { blockSize: 1 });

    const records = await burst([instance], 7, 5, 60_000);

    expect(allowed(records)).toBe(5);
    expect(records.slice(0, 5).map((r) => r.totalHits)).toEqual([1, 2, 3, 4, 5]);
    // The fifth reached the limit: the sixth and seventh are refused without asking Redis.
    expect(await countInRedis(prefix)).toBe(5);
  });

  it('forgets clients whose window ended, and at most maxClients are remembered', async () => {
    const prefix = uniquePrefix();
    const instance = await anInstance(prefix, { blockSize: 10, maxClients: 100 });

    await Promise.all(
      Array.from({ length: 300 }, (_, i) => hit(instance, 1000, 60_000, `flood-${i}`)),
    );
    expect(instance.clientCount).toBeLessThanOrEqual(100);

    const shortLived = await anInstance(uniquePrefix(), { blockSize: 10 });
    await Promise.all(
      Array.from({ length: 300 }, (_, i) => hit(shortLived, 1000, 300, `flood-${i}`)),
    );
    expect(shortLived.clientCount).toBeGreaterThanOrEqual(300);
    // Expired entries are swept at most once a second, as requests arrive.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await hit(shortLived, 1000, 300, 'after-the-flood');
    // The connection probe (a 60 s window) and the newcomer.
    expect(shortLived.clientCount).toBe(2);
  });

  it('a forgotten client that was refused stays refused: its count is in Redis', async () => {
    const prefix = uniquePrefix();
    const instance = await anInstance(prefix, { blockSize: 10, maxClients: 10 });
    expect(allowed(await burst([instance], 15, 12, 60_000, 'greedy'))).toBe(12);

    await Promise.all(Array.from({ length: 50 }, (_, i) => hit(instance, 1000, 60_000, `o-${i}`)));

    expect(allowed(await burst([instance], 5, 12, 60_000, 'greedy'))).toBe(0);
  });

  describe('with a Redis of its own', () => {
    const redis = new PrivateRedis();
    let admin: Redis;

    beforeAll(async () => {
      await redis.start();
      admin = new Redis(redis.url);
    });

    afterAll(async () => {
      admin.disconnect();
      await redis.stop();
    });

    /** Script calls Redis has served since the last reset (EVALSHA, and EVAL when the script was unknown). */
    async function scriptCalls(): Promise<number> {
      const stats = await admin.info('commandstats');
      return [...stats.matchAll(/^cmdstat_(?:eval|evalsha):calls=(\d+)/gm)].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
    }

    it('makes one round trip per block, not per request (Redis INFO commandstats)', async () => {
      const instance = await anInstance('counted', { blockSize: 10 }, redis.url);
      await admin.config('RESETSTAT');

      const sequential: ThrottlerRecord[] = [];
      for (let i = 0; i < 100; i += 1) sequential.push(await hit(instance, 1000, 60_000));
      await burst([instance], 100, 1000, 60_000, 'client-b');

      expect(allowed(sequential)).toBe(100);
      expect(await scriptCalls()).toBe(20);
    });

    it.each([
      [
        'BlockTokenThrottlerStorage',
        (url: string) => new BlockTokenThrottlerStorage(url, 'down', { blockSize: 10 }),
      ],
      [
        'ResilientThrottlerStorage (keyed limits)',
        (url: string) => new ResilientThrottlerStorage(url, 'down'),
      ],
    ])(
      '%s: Redis down → requests allowed, no throw, one warning per 10 s; enforced again once it is back',
      async (_name, create) => {
        const storage = create(redis.url);
        open.push(storage);
        await waitFor(
          async () =>
            (await storage.increment('ready', 60_000, 1000, 60_000, 'probe')).totalHits > 0,
          { what: 'the rate-limit connection' },
        );
        // Past the 10 s of any warning the connection's first moments may have logged.
        jest.useFakeTimers({ ...CLOCK_ONLY, now: Date.now() + 11_000 });
        try {
          warn.mockClear();
          await redis.stop();
          const outage = () =>
            Promise.all(Array.from({ length: 30 }, () => hit(storage, 2, 60_000, 'outage')));

          expect((await outage()).every((r) => !r.isBlocked && r.totalHits === 0)).toBe(true);
          expect(notEnforcedWarnings()).toBe(1);
          jest.setSystemTime(Date.now() + 5_000);
          expect((await outage()).every((r) => !r.isBlocked)).toBe(true);
          expect(notEnforcedWarnings()).toBe(1);
          jest.setSystemTime(Date.now() + 6_000);
          await outage();
          expect(notEnforcedWarnings()).toBe(2);
        } finally {
          jest.useRealTimers();
          await redis.start();
        }
        await waitFor(
          async () =>
            (await storage.increment('back', 60_000, 1000, 60_000, 'probe')).totalHits > 0,
          { what: 'the reconnection', timeoutMs: 30_000 },
        );
        const after = await burst([storage], 5, 2, 60_000, 'after-outage');
        expect(allowed(after)).toBe(2);
      },
    );
  });
});
