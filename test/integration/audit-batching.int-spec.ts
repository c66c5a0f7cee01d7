import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { AUDIT_QUEUE } from '../../src/modules/audit/infrastructure/audit-events.processor';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

/**
 * The audit consumer stores events in batches (one INSERT … ON CONFLICT DO NOTHING and one
 * acknowledgement per batch). Events are committed straight to the outbox with a type only the
 * audit consumer accepts, many in one statement, so they reach the consumer together.
 */
describe('audit consumer batching (real PostgreSQL and Redis)', () => {
  let t: TestApp;
  let em: EntityManager;
  let queue: Queue;

  beforeAll(async () => {
    // A batch waits long enough here that events committed together are stored together, so
    // that a poison event shares its batch with others however slow the machine is.
    t = await createTestApp({ env: { AUDIT_BATCH_MAX_WAIT_MS: '1000' } });
    em = t.app.get(EntityManager).fork();
    queue = t.app.get<Queue>(getQueueToken(AUDIT_QUEUE));
  });

  afterAll(async () => {
    await t.close();
  });

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
    em.getConnection().execute<T[]>(query, params);

  /** Commits events of `type` to the outbox in one statement; answers their ids. */
  const commit = async (type: string, count: number, ids: string[] = []): Promise<string[]> => {
    const eventIds = [...ids, ...Array.from({ length: count - ids.length }, () => randomUUID())];
    await sql(
      `insert into platform.outbox_message (event_id, type, payload, metadata, occurred_at)
       select u.id, ?, jsonb_build_object('n', u.n), '{"actorAccountId":null,"clientIp":null,"userAgent":null,"requestId":null}'::jsonb, now()
       from unnest(array[?]::uuid[]) with ordinality as u(id, n)`,
      [type, eventIds],
    );
    return eventIds;
  };
  const recorded = async (type: string) =>
    (
      await sql<{ n: number }>('select count(*)::int as n from audit.audit_record where type = ?', [
        type,
      ])
    )[0].n;
  const undelivered = async (type: string) =>
    (
      await sql<{ n: number }>(
        'select count(*)::int as n from platform.outbox_message where type = ? and relay_at is not null',
        [type],
      )
    )[0].n;
  const delivered = (type: string) =>
    waitFor(async () => (await undelivered(type)) === 0, {
      timeoutMs: 60_000,
      what: `every ${type} event acknowledged by the audit consumer`,
    });

  it('stores a batch holding an event already recorded: that one keeps its row, every other gets one', async () => {
    const type = 'test.batch-idempotent';
    const known = randomUUID();
    await sql(
      `insert into audit.audit_record (event_id, type, payload, occurred_at, recorded_at)
       values (?, ?, '{"first":true}'::jsonb, now(), now())`,
      [known, type],
    );
    await commit(type, 50, [known]);

    await delivered(type);
    expect(await recorded(type)).toBe(50);
    const [row] = await sql<{ payload: unknown }>(
      'select payload from audit.audit_record where event_id = ?',
      [known],
    );
    expect(row.payload).toEqual({ first: true });
  });

  it('fails every job of a batch whose insert fails; Bull retries them and each event is stored once', async () => {
    const type = 'test.batch-insert-fails';
    const failed = new Set<string>();
    const onFailed = (job: Job<{ eventId: string; type: string }>) => {
      if (job.data.type === type) failed.add(job.data.eventId);
    };
    queue.on('failed', onFailed);
    // Every insert into the audit table fails until the trigger is dropped.
    await sql(`create function audit.refuse_insert() returns trigger language plpgsql as
               $$ begin raise exception 'audit store unavailable'; end $$`);
    await sql(`create trigger refuse_insert before insert on audit.audit_record
               for each row execute function audit.refuse_insert()`);
    try {
      const ids = await commit(type, 30);
      await waitFor(() => failed.size === ids.length, {
        timeoutMs: 60_000,
        what: 'every job of the batch to fail once',
      });
      expect(await recorded(type)).toBe(0);
      expect(await undelivered(type)).toBe(30);
    } finally {
      await sql('drop trigger refuse_insert on audit.audit_record');
      await sql('drop function audit.refuse_insert()');
      queue.off('failed', onFailed);
    }

    await delivered(type);
    expect(await recorded(type)).toBe(30);
  });

  it('stores the rest of a batch holding an event that cannot be stored, and that one once it can', async () => {
    const type = 'test.batch-poison';
    const failed = new Set<string>();
    const onFailed = (job: Job<{ eventId: string; type: string }>) => {
      if (job.data.type === type) failed.add(job.data.eventId);
    };
    queue.on('failed', onFailed);
    const [poison] = await (async () => {
      await sql(`create function audit.refuse_poison() returns trigger language plpgsql as
                 $$ begin if new.payload ->> 'n' = '1' and new.type = '${type}' then
                   raise exception 'poison'; end if; return new; end $$`);
      await sql(`create trigger refuse_poison before insert on audit.audit_record
                 for each row execute function audit.refuse_poison()`);
      return commit(type, 40);
    })();
    try {
      await waitFor(async () => (await recorded(type)) === 39, {
        timeoutMs: 60_000,
        what: 'every event but the poison one stored',
      });
      expect(await undelivered(type)).toBe(1);
      const [left] = await sql<{ event_id: string }>(
        'select event_id from platform.outbox_message where type = ? and relay_at is not null',
        [type],
      );
      expect(left.event_id).toBe(poison);
      // Only the poison event's job failed: its neighbours in the batch were not failed with it.
      expect([...failed]).toEqual([poison]);
    } finally {
      await sql('drop trigger refuse_poison on audit.audit_record');
      await sql('drop function audit.refuse_poison()');
      queue.off('failed', onFailed);
    }

    await delivered(type);
    expect(await recorded(type)).toBe(40);
  });
});
