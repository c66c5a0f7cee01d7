import { Client } from 'pg';
import { crashTestService } from '@test/support/crash-test-service';
import type { CrashTestService } from '@test/support/crash-test-service';
import { exited } from '@test/support/node-process';
import { waitFor } from '@test/support/wait-for';

const EVENTS = 1000;

/**
 * At-least-once with batching: the service is SIGKILLed while a batch of audit events is being
 * stored (the table is locked, so the batch's INSERT waits), and the batch's statement dies with
 * it. Its jobs were taken from Redis but never completed and its events never acknowledged: a
 * restarted service stores them (Bull's stalled-job check, the outbox's redelivery), and every
 * event ends with exactly one audit row.
 */
describe('an audit consumer killed in the middle of a batch', () => {
  let service: CrashTestService | undefined;

  afterAll(() => service?.killAll());

  it('stores every event once after a restart', async () => {
    service = await crashTestService('audit-crash');
    const { databaseUrl, start } = service;
    const db = new Client({ connectionString: databaseUrl });
    const lock = new Client({ connectionString: databaseUrl });
    try {
      const first = await start();
      await db.connect();
      await lock.connect();
      const count = async (query: string) => Number((await db.query(query)).rows[0].n);

      // Every insert into the audit table waits until this transaction ends.
      const lockPid = Number((await lock.query('select pg_backend_pid() as pid')).rows[0].pid);
      await lock.query('begin');
      await lock.query('lock table "audit"."audit_record" in share mode');
      await db.query(
        `insert into "platform"."outbox_message" ("event_id", "type", "payload", "metadata", "occurred_at")
         select gen_random_uuid(), 'test.crash', jsonb_build_object('n', i),
                '{"actorAccountId":null,"clientIp":null,"userAgent":null,"requestId":null}'::jsonb, now()
         from generate_series(1, $1::int) as i`,
        [EVENTS],
      );
      await waitFor(
        async () =>
          (await count(
            `select count(*)::int as n from pg_stat_activity
             where datname = current_database() and wait_event_type = 'Lock' and pid <> ${lockPid}`,
          )) > 0,
        { what: 'a batch of audit events waiting to be stored' },
      );

      first.child.kill('SIGKILL');
      await exited(first.child);
      // The dead service's statements die with it (PostgreSQL would otherwise finish them).
      await db.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and pid not in (pg_backend_pid(), $1)`,
        [lockPid],
      );
      await lock.query('rollback');
      expect(await count('select count(*)::int as n from "audit"."audit_record"')).toBe(0);

      await start();
      await waitFor(
        async () =>
          (await count(
            `select count(*)::int as n from "platform"."outbox_message" where "relay_at" is not null`,
          )) === 0,
        { timeoutMs: 200_000, what: 'every event acknowledged after the restart' },
      );
      expect(
        await count(
          `select count(*)::int as n from "audit"."audit_record" where "type" = 'test.crash'`,
        ),
      ).toBe(EVENTS);
    } finally {
      await lock.end().catch(() => undefined);
      await db.end().catch(() => undefined);
    }
  }, 400_000);
});
