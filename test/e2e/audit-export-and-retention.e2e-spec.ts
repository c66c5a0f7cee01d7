import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { aRegisteredAccount, aStaffMember } from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import { createTestApp, createTestDatabase } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

const EXPORT = '/api/v1/admin/audit/export';
const ROWS = 100_000;

// The heap still in use, after a full collection: garbage waiting for the collector is not memory
// the export holds.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function liveHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const sql = <T = Record<string, unknown>>(t: TestApp, query: string, params: unknown[] = []) =>
  t.app.get(EntityManager).fork().getConnection().execute<T[]>(query, params);

/** Audit rows written straight into the table, `count` of them one second apart from `start`. */
async function seedAuditRows(t: TestApp, start: string, count: number, type = 'test.seeded') {
  await sql(
    t,
    `insert into "audit"."audit_record" ("event_id", "type", "subject_account_id", "client_ip", "user_agent", "payload", "occurred_at")
     select gen_random_uuid(), ?, gen_random_uuid(), '192.0.2.1', 'Mozilla/5.0 (seeded; export test)',
            jsonb_build_object('n', i, 'note', repeat('x', 400)), ?::timestamptz + i * interval '1 second'
       from generate_series(0, ? - 1) as i`,
    [type, start, count],
  );
}

describe('audit export (streamed) and retention', () => {
  let t: TestApp;
  let second: TestApp;
  let staff: LoggedInAccount;

  beforeAll(async () => {
    const DATABASE_URL = await createTestDatabase();
    const env = { DATABASE_URL, AUDIT_PURGE_INTERVAL_SECONDS: '1', AUDIT_RETENTION_DAYS: '30' };
    second = await createTestApp({ env });
    t = await createTestApp({ env: { ...env, REDIS_KEY_PREFIX: second.config.REDIS_KEY_PREFIX } });
    staff = await aStaffMember(t, 'support').loggedIn();
  });

  afterAll(async () => {
    await t.close();
    await second.close();
  });

  it('streams 100,000 rows as JSON Lines with memory bounded well below the data size', async () => {
    await seedAuditRows(t, '2031-01-01T00:00:00Z', ROWS);
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const baseline = liveHeap();
    let peak = baseline;
    let bytes = 0;
    let rows = 0;
    let previous = '';
    try {
      await new Promise<void>((resolve, reject) => {
        get(
          {
            port,
            host: '127.0.0.1',
            path: `${EXPORT}?from=2031-01-01&to=2031-01-03&types=test.seeded`,
            headers: staff.auth,
          },
          (res) => {
            expect(res.statusCode).toBe(200);
            expect(res.headers['content-type']).toContain('application/x-ndjson');
            expect(res.headers['content-disposition']).toMatch(
              /^attachment; filename=".+\.jsonl"$/,
            );
            res.on('data', (chunk: Buffer) => (bytes += chunk.length));
            const lines = createInterface({ input: res });
            lines.on('line', (line) => {
              const entry = JSON.parse(line) as { occurredAt: string; type: string };
              expect(entry.type).toBe('test.seeded');
              expect(entry.occurredAt >= previous).toBe(true);
              previous = entry.occurredAt;
              rows += 1;
              if (rows % 10_000 === 0) peak = Math.max(peak, liveHeap());
            });
            lines.on('close', resolve);
            res.on('error', reject);
          },
        ).on('error', reject);
      });
    } finally {
      peak = Math.max(peak, liveHeap());
    }
    expect(rows).toBe(ROWS);
    expect(bytes).toBeGreaterThan(40_000_000);
    // Holding the rows (or the answer) at once would take more than the data itself.
    expect(peak - baseline).toBeLessThan(bytes / 3);
    // Seeding 100,000 rows and ten full collections take long on a shared, loaded machine: this is a
    // ceiling against a hang, not a speed target (that lives in the benchmark).
  }, 300_000);

  it('exports CSV with a header and one line per record, and refuses a bad range with a stable code', async () => {
    await seedAuditRows(t, '2031-03-01T00:00:00Z', 3, 'test.csv');
    const res = await t
      .http()
      .get(`${EXPORT}?from=2031-03-01T00:00:00Z&to=2031-03-02T00:00:00Z&types=test.csv&format=csv`)
      .set(staff.auth)
      .expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'eventId,type,occurredAt,actorAccountId,subjectAccountId,clientIp,userAgent,requestId,payload',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(',test.csv,2031-03-01T00:00:00.000Z,');

    const backwards = await t
      .http()
      .get(`${EXPORT}?from=2031-03-02&to=2031-03-01`)
      .set(staff.auth)
      .expect(400);
    expect(backwards.body.code).toBe('AUDIT_EXPORT_RANGE_INVALID');
    const bad = await t
      .http()
      .get(`${EXPORT}?from=yesterday&to=2031-03-01`)
      .set(staff.auth)
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('is for staff only', async () => {
    const customer = await aRegisteredAccount(t).loggedIn();
    const range = `${EXPORT}?from=2031-03-01&to=2031-03-02`;
    expect((await t.http().get(range).set(customer.auth).expect(403)).body.code).toBe('FORBIDDEN');
    await t.http().get(range).expect(401);
  });

  it('deletes only records older than AUDIT_RETENTION_DAYS', async () => {
    const old = new Date(Date.now() - 31 * 86_400_000).toISOString();
    const recent = new Date(Date.now() - 29 * 86_400_000).toISOString();
    await seedAuditRows(t, old, 5, 'test.old');
    await seedAuditRows(t, recent, 5, 'test.recent');
    await waitFor(
      async () => {
        const [{ count }] = await sql<{ count: string }>(
          t,
          `select count(*) from "audit"."audit_record" where "type" = 'test.old'`,
        );
        return count === '0';
      },
      { what: 'the retention job to delete the old records' },
    );
    const [{ count }] = await sql<{ count: string }>(
      t,
      `select count(*) from "audit"."audit_record" where "type" = 'test.recent'`,
    );
    expect(count).toBe('5');
    // The future-dated export rows are younger than the retention, of course.
    const [{ seeded }] = await sql<{ seeded: string }>(
      t,
      `select count(*) as seeded from "audit"."audit_record" where "type" = 'test.seeded'`,
    );
    expect(Number(seeded)).toBe(ROWS);
  });

  it('runs once per period with two instances: one schedule, never two runs for one tick', async () => {
    const queue = t.app.get<Queue>(getQueueToken('audit-retention'));
    expect(await queue.getRepeatableJobs()).toHaveLength(1);
    await waitFor(
      async () => {
        const [{ runs }] = await sql<{ runs: string }>(
          t,
          `select count(*) as runs from "audit"."retention_run"`,
        );
        return Number(runs) >= 4;
      },
      { what: 'four retention runs' },
    );
    const runs = await sql<{ scheduled_for: Date }>(
      t,
      `select "scheduled_for" from "audit"."retention_run"`,
    );
    const ticks = new Set(runs.map((run) => new Date(run.scheduled_for).getTime()));
    expect(ticks.size).toBe(runs.length);
  });
});
