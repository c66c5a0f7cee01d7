// Where the CPU goes during a load phase, from /proc (Linux): the service's main thread (event loop:
// HTTP, ORM, drivers, queue consumers), its libuv thread pool (argon2), its other threads (V8 GC and
// compiler), PostgreSQL and Redis. Divided by the operations completed, this says how much of each
// operation is spent outside the hash — the overhead a throughput ratio hides.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

export interface CpuSnapshot {
  mainThread: number;
  threadPool: number;
  otherThreads: number;
  postgres: number;
  redis: number;
}

export type CpuBreakdown = Record<keyof CpuSnapshot, number>;

/** utime + stime of a /proc stat line, in seconds; the command name may contain spaces. */
function cpuSeconds(statPath: string): number {
  try {
    const stat = readFileSync(statPath, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state(0) ppid … utime is field 14 of the full line, i.e. index 11 here.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function processesNamed(pattern: RegExp): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (pattern.test(cmdline)) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** Where thread and process IDs wrap around (Linux's default when the file cannot be read). */
const PID_MAX = readPidMax();

function readPidMax(): number {
  try {
    return Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim()) || 32_768;
  } catch {
    return 32_768;
  }
}

/** CPU seconds of a process split into its main thread, its libuv thread pool and its other threads. */
export interface ThreadCpu {
  mainThread: number;
  threadPool: number;
  otherThreads: number;
}

/**
 * Node 20 names all its threads "node". The libuv pool starts lazily, at the first thread-pool job
 * (in the service: the boot-time hashing), after V8's platform threads, so its threads are the
 * pool-size most recently created ones. Thread IDs are handed out in order but wrap at
 * `kernel.pid_max`, so creation order is the distance of a thread's ID after the process's own
 * (a run whose service started just below the wrap once counted V8's threads as the pool and the
 * pool as "other"). `bench/argon2-ref.ts` applies the same rule to itself and
 * reports its pool's CPU per hash next to its whole process's: the two agree only if the rule finds
 * the threads that hash, and the reference's figure is what the service's pool column should show.
 */
export function threadCpu(pid: number, poolSize: number): ThreadCpu | null {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  const main = cpuSeconds(`/proc/${pid}/task/${pid}/stat`);
  const createdAfterMain = (tid: number) => (tid - pid + PID_MAX) % PID_MAX;
  const others = tids
    .map(Number)
    .filter((tid) => tid !== pid)
    .sort((a, b) => createdAfterMain(b) - createdAfterMain(a))
    .map((tid) => cpuSeconds(`/proc/${pid}/task/${tid}/stat`));
  const pool = others.slice(0, poolSize);
  const poolSeconds = pool.reduce((sum, seconds) => sum + seconds, 0);
  const otherSeconds = others.reduce((sum, seconds) => sum + seconds, 0) - poolSeconds;
  return { mainThread: main, threadPool: poolSeconds, otherThreads: otherSeconds };
}

/** The service's threads (see `threadCpu`), the PostgreSQL backends of the run's database, Redis. */
export function snapshot(
  serverPid: number,
  poolSize: number,
  database: string,
): CpuSnapshot | null {
  const threads = threadCpu(serverPid, poolSize);
  if (!threads) return null;
  const sumOf = (pids: number[]) =>
    pids.reduce((sum, pid) => sum + cpuSeconds(`/proc/${pid}/stat`), 0);
  return {
    ...threads,
    // Only the backends serving the benchmark's database (their title names it); the
    // postmaster's helpers and other databases' sessions are someone else's work.
    postgres: sumOf(processesNamed(new RegExp(`^postgres: .* ${escape(database)} `))),
    redis: sumOf(processesNamed(/^redis-server /)),
  };
}

/** All server-side CPU of one operation: the service's threads, PostgreSQL and Redis. */
export function serverCpuMs(breakdown: CpuBreakdown): number {
  return (
    breakdown.mainThread +
    breakdown.threadPool +
    breakdown.otherThreads +
    breakdown.postgres +
    breakdown.redis
  );
}

/**
 * CPU efficiency of an operation that hashes: the argon2 (thread pool) share of all server-side
 * CPU it costs. Unlike a throughput ratio it does not depend on the load generator sharing the cores.
 */
export function cpuEfficiency(breakdown: CpuBreakdown): number {
  const total = serverCpuMs(breakdown);
  return total > 0 ? breakdown.threadPool / total : Number.NaN;
}

/** CPU milliseconds per operation between two snapshots. */
export function perOperation(
  before: CpuSnapshot | null,
  after: CpuSnapshot | null,
  operations: number,
): CpuBreakdown | null {
  if (!before || !after || operations <= 0) return null;
  const out = {} as CpuBreakdown;
  for (const key of Object.keys(before) as (keyof CpuSnapshot)[])
    out[key] = Math.round(((after[key] - before[key]) * 1000 * 10) / operations) / 10;
  return out;
}

export function describe(breakdown: CpuBreakdown | null): string {
  if (!breakdown) return 'CPU breakdown unavailable (no /proc)';
  return (
    `CPU ms per operation: service main thread ${breakdown.mainThread}, thread pool ${breakdown.threadPool}, ` +
    `other service threads ${breakdown.otherThreads}, PostgreSQL ${breakdown.postgres}, Redis ${breakdown.redis}`
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
