// The reference for logins and registrations: raw argon2 per second, no HTTP, in its own process.
// Usage: argon2-ref.ts <concurrency> <durationMs> [verify|hash]; prints one JSON line
// {mode, ops, failures, seconds, perSecond, cpuMsPerOperation, poolCpuMsPerOperation}.
// `verify` checks seeded-style hashes (a login's work), `hash` hashes a new password each time with
// the service's parameters and a fresh salt (a registration's work).
// Its own CPU per operation is the ideal a service's thread-pool column should show: all of this
// process (cpuMsPerOperation) and its libuv pool found as the service's is (poolCpuMsPerOperation).
import * as argon2 from 'argon2';
import { threadCpu } from './cpu-usage';

/** The service's default parameters (libs/platform AppConfig: ARGON2_*). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

async function main(): Promise<void> {
  const concurrency = Number(process.argv[2] ?? 10);
  const durationMs = Number(process.argv[3] ?? 5000);
  const mode = process.argv[4] ?? 'verify';
  if (mode !== 'verify' && mode !== 'hash') throw new Error(`unknown mode ${mode}`);
  const poolSize = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  const hashes = await Promise.all(
    Array.from({ length: 4 }, (_, i) => argon2.hash(`BenchPassword-${i}!`, OPTIONS)),
  );
  let ops = 0;
  let failures = 0;
  const operation =
    mode === 'verify'
      ? (k: number) => argon2.verify(hashes[k], `BenchPassword-${k}!`)
      : async (k: number) => (await argon2.hash(`Regist3r${k}x${ops}`, OPTIONS)).length > 0;
  const cpuBefore = process.cpuUsage();
  const threadsBefore = threadCpu(process.pid, poolSize);
  const start = performance.now();
  const deadline = start + durationMs;
  const worker = async (w: number) => {
    while (performance.now() < deadline) {
      if (!(await operation((w + ops) % hashes.length))) failures++;
      ops++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const threadsAfter = threadCpu(process.pid, poolSize);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  process.stdout.write(
    JSON.stringify({
      mode,
      ops,
      failures,
      seconds,
      perSecond: ops / seconds,
      cpuMsPerOperation: round((cpu.user + cpu.system) / 1000 / ops),
      poolCpuMsPerOperation:
        threadsBefore && threadsAfter
          ? round(((threadsAfter.threadPool - threadsBefore.threadPool) * 1000) / ops)
          : null,
    }) + '\n',
  );
}

void main();
