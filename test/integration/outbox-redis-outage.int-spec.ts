import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus } from '@nestjs/cqrs';
import { OutboxMessage } from '@app/platform';
import { AuditRecord } from '../../src/modules/audit/domain/audit-record.entity';
import { FixtureModule, WriteNoteCommand } from '@test/support/fixture-context/fixture.module';
import { PrivateRedis } from '@test/support/private-redis';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

/**
 * Redis is a delivery mechanism, not the source of truth: while it is down, use cases still commit
 * (their events wait in the outbox) and once it is back every event reaches the audit trail once.
 * The Redis here is a private redis-server on a free port, so killing it disturbs nobody else.
 */
describe('outbox across a Redis outage', () => {
  const redis = new PrivateRedis();
  let t: TestApp;
  let em: EntityManager;

  beforeAll(async () => {
    await redis.start();
    t = await createTestApp({ env: { REDIS_URL: redis.url }, imports: [FixtureModule] });
    em = t.app.get(EntityManager).fork();
  });

  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  const write = (text: string) =>
    t.app.get(CommandBus).execute(new WriteNoteCommand(text, 'outage@example.jp'));
  const pending = () => em.fork().count(OutboxMessage, { relayAt: { $ne: null } });

  it('keeps accepting writes while Redis is down and delivers each event exactly once after it returns', async () => {
    const before = await write('before the outage');
    await waitFor(
      async () => (await em.fork().count(AuditRecord, { subjectAccountId: before })) === 1,
      {
        what: 'delivery before the outage',
      },
    );

    await redis.stop();
    const during = await Promise.all(
      Array.from({ length: 20 }, (_, i) => write(`during the outage ${i}`)),
    );
    expect(during).toHaveLength(20);
    expect(await pending()).toBeGreaterThanOrEqual(20);
    const health = await t.http().get('/health');
    expect(health.status).toBe(503);
    expect(health.body.details.redis.status).toBe('down');
    expect(health.body.details.database.status).toBe('up');

    await redis.start();
    await waitFor(async () => (await pending()) === 0, {
      timeoutMs: 45_000,
      what: 'the outbox to drain',
    });
    await waitFor(
      async () =>
        (await em.fork().count(AuditRecord, { subjectAccountId: { $in: during } })) === 20,
      { timeoutMs: 45_000, what: 'all 20 audit records' },
    );
    const rows = await em.fork().find(AuditRecord, { subjectAccountId: { $in: during } });
    expect(new Set(rows.map((r) => r.subjectAccountId)).size).toBe(20);
    expect(await em.fork().count(AuditRecord, { subjectAccountId: before })).toBe(1);
    expect((await t.http().get('/health')).status).toBe(200);
  });
});
