import autocannon from 'autocannon';
import { perOperation, snapshot, threadCpu } from './cpu-usage';
import type { CpuBreakdown } from './cpu-usage';
import { fixedRateSeconds } from './options';
import type { Args } from './options';

export interface Load {
  rate: string;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** HTTP requests completed (for two-request logins: both steps). */
  requests: number;
  /** HTTP requests sent: the completed ones and those in flight when the load stopped. */
  sent?: number;
  /** Operations completed, when one operation takes several requests (two-factor logins). */
  operations?: number;
  /**
   * Closed loop only: CPU milliseconds per operation (completed, plus those left in flight, which
   * the service finishes), by process and thread.
   */
  cpuMsPerOperation?: CpuBreakdown | null;
}

/** The service process whose CPU the closed-loop phases break down. */
export interface CpuProbe {
  pid: number;
  poolSize: number;
  database: string;
}

/** What a scenario asks autocannon for; duration, connections and rate are the profile's. */
export type Requests = Omit<autocannon.Options, 'duration' | 'connections'>;

/** What one autocannon run counted itself, for operations of several requests. */
export interface OperationCount {
  /** Operations whose last request succeeded. */
  completed: number;
  /** 2xx responses that are not what the flow expects (also errors), and other flow failures. */
  unexpected: number;
}

/**
 * For loads whose unit is an operation of several requests (a two-factor login is two): the
 * scenario counts completed operations in `onResponse` into `counter`, the profile takes the
 * difference per run, and converts operations/s into autocannon's requests/s for fixed rates.
 */
export interface MultiRequestOperation {
  requestsPerOperation: number;
  counter: OperationCount;
  /** Called before each fixed-rate phase with its operations/s and seconds. */
  beforeFixedRate?: (perSecond: number, seconds: number) => Promise<void>;
}

export function toLoad(rate: string, result: autocannon.Result, operations?: OperationCount): Load {
  const latency = result.latency as autocannon.Result['latency'] & Record<string, number>;
  return {
    rate,
    perSecond: (operations?.completed ?? result.requests.total) / result.duration,
    p50: latency.p50,
    p95: latency.p95 ?? latency.p97_5,
    p99: latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + (operations?.unexpected ?? 0),
    requests: result.requests.total,
    sent: result.requests.sent,
    ...(operations ? { operations: operations.completed } : {}),
  };
}

export function errorsOf(loads: Load[]): number {
  return loads.reduce((s, l) => s + l.errors, 0);
}

/** The autocannon options every measured load of the service shares. */
export function withConnections(
  requests: Requests,
  args: Args,
): Omit<autocannon.Options, 'duration'> {
  return {
    ...requests,
    connections: args.connections,
    latencyPercentiles: [50, 95, 99],
    timeout: 30,
  };
}

const SMOKE_OPERATIONS_PER_CONNECTION = 3;

/**
 * Waits until the service's threads have been nearly idle for a quarter of a second (at most 10 s):
 * the requests the closed loop left in flight have finished, so their CPU is all in the next snapshot.
 */
async function settled(probe: CpuProbe): Promise<void> {
  const busy = () => {
    const cpu = threadCpu(probe.pid, probe.poolSize);
    return cpu ? cpu.mainThread + cpu.threadPool : 0;
  };
  const deadline = Date.now() + 10_000;
  let last = busy();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = busy();
    if (now - last < 0.025) return;
    last = now;
  }
}

/** Closed-loop ceiling, then fixed arrival rates at 50% and 80% of it. */
export async function loadProfile(
  requests: Requests,
  run: { args: Args; cpuProbe: CpuProbe | null },
  operation?: MultiRequestOperation,
): Promise<Load[]> {
  const { args, cpuProbe } = run;
  const base = withConnections(requests, args);
  const measure = async (rate: string, opts: autocannon.Options): Promise<Load> => {
    if (!operation) return toLoad(rate, await autocannon(opts));
    const before = { ...operation.counter };
    const result = await autocannon(opts);
    return toLoad(rate, result, {
      completed: operation.counter.completed - before.completed,
      unexpected: operation.counter.unexpected - before.unexpected,
    });
  };
  const requestsPerOperation = operation?.requestsPerOperation ?? 1;
  // Smoke mode proves every row completes, on any machine: a fixed number of operations per
  // connection rather than a time window that a busy machine may not fit one operation into.
  const closedLoop = args.smoke
    ? { amount: args.connections * requestsPerOperation * SMOKE_OPERATIONS_PER_CONNECTION }
    : { duration: args.duration };
  const cpuBefore = cpuProbe && snapshot(cpuProbe.pid, cpuProbe.poolSize, cpuProbe.database);
  const ceiling = await measure('closed loop', { ...base, ...closedLoop });
  if (cpuProbe) {
    // The requests still in flight when the window closes are not completed ones, but the service
    // finishes them and their CPU is in the snapshot after it settled: they count as operations too
    // (on a busy machine a short window completes few operations, and they would weigh a lot).
    await settled(cpuProbe);
    const inFlight = Math.max(0, (ceiling.sent ?? ceiling.requests) - ceiling.requests);
    ceiling.cpuMsPerOperation = perOperation(
      cpuBefore,
      snapshot(cpuProbe.pid, cpuProbe.poolSize, cpuProbe.database),
      (ceiling.operations ?? ceiling.requests) + inFlight / requestsPerOperation,
    );
  }
  const loads = [ceiling];
  const seconds = fixedRateSeconds(args);
  for (const share of [0.5, 0.8]) {
    const rate = Math.max(1, Math.round(ceiling.perSecond * share));
    await operation?.beforeFixedRate?.(rate, seconds);
    loads.push(
      await measure(
        `${share * 100}% (${rate}/s fixed${requestsPerOperation > 1 ? ` = ${rate * requestsPerOperation} requests/s` : ''})`,
        { ...base, duration: seconds, overallRate: rate * requestsPerOperation },
      ),
    );
  }
  return loads;
}
