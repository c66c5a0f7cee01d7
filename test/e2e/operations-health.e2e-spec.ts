import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { PrivateRedis } from '@test/support/private-redis';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

describe('liveness and readiness with a Redis that goes away and comes back', () => {
  const redis = new PrivateRedis();
  let t: TestApp;

  beforeAll(async () => {
    await redis.start();
    t = await createTestApp({ env: { REDIS_URL: redis.url } });
  });

  afterAll(async () => {
    await redis.start();
    await t.close();
    await redis.stop();
  });

  it('is live and ready while everything answers', async () => {
    await t.http().get('/health/live').expect(200);
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
      migrations: { status: 'up' },
      outbox: { status: 'up', backlog: expect.any(Number) },
    });
  });

  it('stays live without Redis while readiness answers 503, and is ready again once Redis is back', async () => {
    await redis.stop();
    await waitFor(async () => (await t.http().get('/health/ready')).status === 503, {
      what: 'readiness to notice Redis is gone',
    });
    const notReady = await t.http().get('/health/ready').expect(503);
    expect(notReady.body.details.redis.status).toBe('down');
    expect(notReady.headers['retry-after']).toBeDefined();
    await t.http().get('/health/live').expect(200);

    await redis.start();
    await waitFor(async () => (await t.http().get('/health/ready')).status === 200, {
      what: 'readiness to see Redis back',
    });
    await t.http().get('/health/live').expect(200);
  });

  it('is not ready while the oldest undelivered event is older than READINESS_OUTBOX_MAX_AGE_SECONDS', async () => {
    const sql = (query: string) => t.app.get(EntityManager).fork().getConnection().execute(query);
    // An event an hour old that nobody has acknowledged, not due for relaying during the test.
    const eventId = randomUUID();
    await sql(
      `insert into "platform"."outbox_message" ("event_id", "type", "payload", "metadata", "occurred_at", "relay_at")
       values ('${eventId}', 'test.stuck', '{}', '{}', now() - interval '1 hour', now() + interval '1 hour')`,
    );
    const stuck = await t.http().get('/health/ready').expect(503);
    expect(stuck.body.details.outbox).toMatchObject({ status: 'down', backlog: 1 });
    expect(stuck.body.details.outbox.oldestAgeSeconds).toBeGreaterThanOrEqual(3600);
    await t.http().get('/health/live').expect(200);

    await sql(`delete from "platform"."outbox_message" where "event_id" = '${eventId}'`);
    await t.http().get('/health/ready').expect(200);
  });
});
