import { loginMany } from '../accounts';
import { errorsOf, loadProfile } from '../load';
import { REDIS_URL, admin, runReference } from '../resources';
import type { Row } from '../report';
import { peakRssMiB } from '../service';
import type { BenchRun } from '../service';
import { auditDrainScenario, drainAudit } from './audit-drain';
import { auditLagScenario } from './audit-lag';

/**
 * Audit events/s end to end: `PATCH /me` (one ProfileChanged event → outbox → Bull → audit row per
 * request) against raw Bull add+process/s on the same Redis.
 */
export async function auditPipelineScenario(run: BenchRun, ref: number): Promise<Row> {
  const { args, base, databaseUrl } = run;
  const figure = 'audit events/s end to end (command → outbox → Bull → audit row)';
  const tokens = await loginMany(
    base,
    args.accounts - args.connections * 2 - 1,
    args.connections * 2,
  );
  await drainAudit(databaseUrl, args.smoke ? 20_000 : 120_000);
  let next = 0;
  let counter = 0;
  const since = new Date();
  const loads = await loadProfile(
    {
      url: `${base}/api/v1/me`,
      requests: [
        {
          method: 'PATCH',
          path: '/api/v1/me',
          setupRequest: (req, context) => {
            context.token ??= tokens[next++ % tokens.length];
            return {
              ...req,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${String(context.token)}`,
              },
              body: JSON.stringify({ profile: { name: `Bench ${counter++}` } }),
            };
          },
        },
      ],
    },
    run,
  );
  const peak = peakRssMiB(run.serverPid);
  const closedLoopEnd = since.getTime() + args.duration * 1000;
  await drainAudit(databaseUrl, args.smoke ? 30_000 : 180_000);
  const stats = await admin(
    async (c) =>
      (
        await c.query(
          `select count(*)::int as n,
             extract(epoch from max(recorded_at) - $1::timestamptz) as span,
             percentile_cont(0.5) within group (order by extract(epoch from recorded_at - occurred_at)) * 1000 as p50,
             percentile_cont(0.99) within group (order by extract(epoch from recorded_at - occurred_at)) * 1000 as p99
           from audit.audit_record where occurred_at >= $1 and occurred_at < $2`,
          [since, new Date(closedLoopEnd)],
        )
      ).rows[0] as { n: number; span: string; p50: number; p99: number },
    databaseUrl,
  );
  const value = stats.n / Math.max(Number(stats.span), args.duration);
  return {
    figure,
    measured: true,
    value,
    unit: 'events/s',
    reference: ref,
    referenceName: 'raw Bull add+process/s, same Redis, child process',
    ratio: value / ref,
    target: '≥ 0.50',
    reached: value / ref >= 0.5,
    loads,
    errors: errorsOf(loads),
    serverPeakRssMiB: peak,
    note: `driven by PATCH /api/v1/me (ProfileChanged, one audit row per request); ${stats.n} rows from the closed-loop phase recorded within ${Number(stats.span).toFixed(1)} s of its start; occurred-to-recorded lag p50 ${Math.round(stats.p50)} ms, p99 ${Math.round(stats.p99)} ms (occurred_at is stamped when the command records the event, just before its transaction commits, so this is commit-to-row lag plus a fraction of one transaction).`,
  };
}

/** Raw Bull add+process/s on the same Redis, in a child process: the reference of the audit rows. */
function bullReference(run: BenchRun): Promise<number> {
  return runReference('bull', 'bench/bull-ref.ts', [
    REDIS_URL,
    `${run.redisPrefix}-ref`,
    String(run.args.connections),
    String(run.args.duration * 1000),
  ]);
}

/**
 * The audit rows: events produced by requests (`PATCH /me`), the drain capacity of a committed
 * backlog, and the commit-to-row lag under the password-login ceiling, against one Bull reference.
 */
export async function auditPipelineRows(run: BenchRun): Promise<Row[]> {
  const ref = await bullReference(run);
  const request = await auditPipelineScenario(run, ref);
  const drain = await auditDrainScenario(run, ref);
  const lag = await auditLagScenario(run);
  return [request, drain, lag];
}
