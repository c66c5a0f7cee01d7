import { perOperation, snapshot } from '../cpu-usage';
import type { Load } from '../load';
import { admin } from '../resources';
import type { Row } from '../report';
import { peakRssMiB } from '../service';
import type { BenchRun } from '../service';

/**
 * A type no subscription but the audit consumer accepts (mail has no template for it, no context
 * handles it), so the drain measures outbox → relay → Bull → audit row and nothing else.
 */
export const DRAIN_EVENT_TYPE = 'BenchAuditDrainProbe';

async function auditCount(dbUrl: string): Promise<number> {
  return admin(
    async (c) =>
      Number((await c.query('select count(*)::int as n from audit.audit_record')).rows[0].n),
    dbUrl,
  );
}

/** Waits until no audit row has arrived for three outbox poll intervals (earlier scenarios drained). */
export async function drainAudit(dbUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let stable = 0;
  while (Date.now() < deadline && stable < 3) {
    const n = await auditCount(dbUrl);
    stable = n === last ? stable + 1 : 0;
    last = n;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const FULL_EVENTS = 100_000;
const SMOKE_EVENTS = 2_000;

const COMMIT_BACKLOG = `
  insert into platform.outbox_message (event_id, type, subject_account_id, payload, metadata, occurred_at)
  select gen_random_uuid(), $1, null, jsonb_build_object('n', i),
         '{"actorAccountId":null,"clientIp":null,"userAgent":null,"requestId":null}'::jsonb, now()
  from generate_series(1, $2::int) as i`;

/**
 * Drain capacity: a backlog of events committed to the outbox in one statement, then events/s until
 * every one of them is an audit row, against raw Bull add+process/s of the same run. The span runs
 * from the backlog's commit (its `occurred_at`, one transaction) to the last `recorded_at`, so it
 * includes the relay noticing the backlog (at most one `OUTBOX_POLL_INTERVAL_MS`: a commit outside
 * the service does not wake it).
 */
export async function auditDrainScenario(run: BenchRun, bullPerSecond: number): Promise<Row> {
  const { args, databaseUrl, cpuProbe } = run;
  const events = args.smoke ? SMOKE_EVENTS : FULL_EVENTS;
  const count = () =>
    admin(
      async (c) =>
        Number(
          (
            await c.query('select count(*)::int as n from audit.audit_record where type = $1', [
              DRAIN_EVENT_TYPE,
            ])
          ).rows[0].n,
        ),
      databaseUrl,
    );
  const cpuBefore = cpuProbe && snapshot(cpuProbe.pid, cpuProbe.poolSize, cpuProbe.database);
  await admin((c) => c.query(COMMIT_BACKLOG, [DRAIN_EVENT_TYPE, events]), databaseUrl);
  const deadline = Date.now() + (args.smoke ? 120_000 : 900_000);
  let recorded = 0;
  while (recorded < events && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    recorded = await count();
  }
  const cpu =
    cpuProbe &&
    perOperation(cpuBefore, snapshot(cpuProbe.pid, cpuProbe.poolSize, cpuProbe.database), recorded);
  const stats = await admin(
    async (c) =>
      (
        await c.query(
          `select extract(epoch from max(recorded_at) - min(occurred_at)) as span,
             percentile_cont(array[0.5, 0.95, 0.99]) within group (order by extract(epoch from recorded_at - occurred_at)) as lag
           from audit.audit_record where type = $1`,
          [DRAIN_EVENT_TYPE],
        )
      ).rows[0] as { span: string; lag: number[] | null },
    databaseUrl,
  );
  const span = Number(stats.span);
  const value = recorded / span;
  const [p50, p95, p99] = (stats.lag ?? [0, 0, 0]).map((s) => Math.round(s * 1000));
  const missing = events - recorded;
  const load: Load = {
    rate: `drain of ${events} committed events`,
    perSecond: value,
    p50,
    p95,
    p99,
    errors: missing,
    requests: recorded,
    cpuMsPerOperation: cpu,
  };
  return {
    figure: 'audit drain events/s (outbox backlog → audit rows)',
    measured: true,
    value,
    unit: 'events/s',
    reference: bullPerSecond,
    referenceName: 'raw Bull add+process/s, same Redis, child process',
    ratio: value / bullPerSecond,
    target: '≥ 0.50',
    reached: value / bullPerSecond >= 0.5,
    loads: [load],
    errors: missing,
    serverPeakRssMiB: peakRssMiB(run.serverPid),
    note: `${events} events (type ${DRAIN_EVENT_TYPE}, audit is their only consumer) committed to the outbox in one statement; ${recorded} audit rows ${span.toFixed(1)} s after the commit${missing > 0 ? ` (${missing} missing at the deadline, counted as errors)` : ''}. Latencies are each event's commit-to-row time in the drain (ms), not request latencies; CPU is per event.`,
  };
}
