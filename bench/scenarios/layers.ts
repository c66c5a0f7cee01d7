import autocannon from 'autocannon';
import { exited } from '@test/support/node-process';
import { freePort } from '@test/support/free-port';
import { waitForHttpOk } from '@test/support/node-process';
import { perOperation, snapshot } from '../cpu-usage';
import type { CpuSnapshot } from '../cpu-usage';
import { LAYER_STEPS } from '../layers-app';
import { errorsOf, toLoad, withConnections } from '../load';
import type { Load } from '../load';
import { fixedRateSeconds } from '../options';
import type { Row } from '../report';
import { startBenchNode } from '../resources';
import type { BenchRun } from '../service';

const SMOKE_REQUESTS_PER_CONNECTION = 3;

/** Microseconds of CPU per request between two snapshots: the app process (all its threads), Redis. */
function microsPerRequest(before: CpuSnapshot | null, after: CpuSnapshot | null, requests: number) {
  if (!before || !after || requests <= 0) return null;
  const seconds = (key: keyof CpuSnapshot) => after[key] - before[key];
  const per = (value: number) => Math.round((value * 1e6) / requests);
  return {
    process: per(seconds('mainThread') + seconds('threadPool') + seconds('otherThreads')),
    mainThread: per(seconds('mainThread')),
    redis: per(seconds('redis')),
  };
}

type Micros = NonNullable<ReturnType<typeof microsPerRequest>>;

/** One step of the ladder in its own process: warm-up, then a closed loop with its CPU. */
async function measureStep(
  run: BenchRun,
  steps: number,
): Promise<{ load: Load; micros: Micros | null }> {
  const { args } = run;
  const database = run.databaseUrl.split('/').pop() ?? '';
  const port = await freePort();
  const app = startBenchNode('bench/layers-app.ts', {
    LAYERS: String(steps),
    PORT: String(port),
    NODE_ENV: 'production',
    DATABASE_URL: run.databaseUrl,
    REDIS_KEY_PREFIX: run.redisPrefix,
  });
  try {
    const url = `http://127.0.0.1:${port}/api/v1/ladder`;
    await waitForHttpOk(url, {
      what: 'the layer ladder app',
      timeoutMs: 60_000,
      intervalMs: 200,
      output: app.output,
    });
    const opts = withConnections({ url }, args);
    const amount = { amount: args.connections * SMOKE_REQUESTS_PER_CONNECTION };
    // Warm-up, so the step is measured after the JIT compiled its hot paths.
    await autocannon({ ...opts, ...(args.smoke ? amount : { duration: 2 }) });
    const pid = app.child.pid ?? 0;
    const before = snapshot(pid, 0, database);
    const result = await autocannon({
      ...opts,
      ...(args.smoke ? amount : { duration: fixedRateSeconds(args) }),
    });
    const after = snapshot(pid, 0, database);
    const load = toLoad(LAYER_STEPS[steps], result);
    // The ladder's apps make no query: the bench database's backends belong to the service (its
    // outbox relay), and one that ends between the snapshots would count negative.
    const cpu = perOperation(before, after, load.requests);
    load.cpuMsPerOperation = cpu && { ...cpu, postgres: 0 };
    return { load, micros: microsPerRequest(before, after, load.requests) };
  } finally {
    app.child.kill('SIGTERM');
    await exited(app.child);
  }
}

/**
 * The layer ladder: `bench/layers-app.ts` with 0, 1, … of the service's global layers, each in its
 * own process, measured one after the other in a closed loop (after a short warm-up). The CPU per
 * request of each step minus the one before is what that layer costs. On a shared machine other
 * work only ever adds CPU per request (cache misses, preemption), so the ladder runs twice, up and
 * then down, and keeps each step's lower figure. The smoke mode runs the bare and the full step
 * once, which still starts every layer.
 */
export async function layersScenario(run: BenchRun): Promise<Row> {
  const all = LAYER_STEPS.map((_, i) => i);
  const order = run.args.smoke ? [0, all.length - 1] : [...all, ...[...all].reverse()];
  const best = new Map<number, { load: Load; micros: Micros | null }>();
  for (const steps of order) {
    const measured = await measureStep(run, steps);
    const kept = best.get(steps);
    if (!kept?.micros || (measured.micros && measured.micros.process < kept.micros.process))
      best.set(steps, measured);
  }
  const chosen = [...best.entries()].sort(([a], [b]) => a - b).map(([, m]) => m);
  const loads = chosen.map((m) => m.load);
  const costs = chosen.map((m) => ({ step: m.load.rate, micros: m.micros }));
  const bare = loads[0];
  const top = loads[loads.length - 1];
  const steps = costs.map(({ step, micros }, i) => {
    const previous = costs[i - 1]?.micros;
    const own =
      micros && previous
        ? ` (${micros.process - previous.process >= 0 ? '+' : ''}${micros.process - previous.process})`
        : '';
    return micros
      ? `${step}: ${micros.process}${own} µs, main thread ${micros.mainThread} µs, Redis ${micros.redis} µs`
      : `${step}: –`;
  });
  return {
    figure: 'global layers: every layer of the edge ÷ bare endpoint, requests/s',
    measured: true,
    value: top.perSecond,
    unit: '/s',
    reference: bare.perSecond,
    referenceName: 'the same app without any layer',
    ratio: top.perSecond / bare.perSecond,
    target: 'information',
    loads,
    errors: errorsOf(loads),
    note: `CPU per request of the app process (all threads; the step's own cost in brackets), of which its main thread, and of Redis (shared with anything else on the machine): ${steps.join('; ')}.`,
  };
}
