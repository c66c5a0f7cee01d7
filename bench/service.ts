import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretCipher } from '../src/modules/two-factor/infrastructure/secret-cipher';
import { freePort } from '@test/support/free-port';
import { waitForHttpOk } from '@test/support/node-process';
import type { CpuProbe } from './load';
import { root } from './options';
import type { Args } from './options';
import { REDIS_URL, keepMigrationSnapshot, runTempDir, startBenchNode } from './resources';

/**
 * Node and V8 settings for the service process only (`BENCH_SERVICE_NODE_OPTIONS`, given to it as
 * its `NODE_OPTIONS`), to compare one without touching the references; empty by default, as
 * `npm start` runs the service.
 */
export function serviceNodeOptions(): string {
  return process.env.BENCH_SERVICE_NODE_OPTIONS?.trim() ?? '';
}

export interface RunningService {
  /** `http://127.0.0.1:<port>` of the service. */
  base: string;
  serverPid: number | undefined;
  /** Port and PID of the bare reference app `bench/bare-app.ts`. */
  barePort: number;
  barePid: number | undefined;
  /** The service process whose CPU the closed-loop phases break down. */
  cpuProbe: CpuProbe | null;
}

/** What every scenario works with. */
export interface BenchRun extends RunningService {
  args: Args;
  databaseUrl: string;
  redisPrefix: string;
  /** The service's TOTP cipher under the run's key, to seed enrolled accounts. */
  cipher: SecretCipher;
}

/** The service's peak RSS budget at the default argon2 parameters (issue 16). */
export const PEAK_RSS_TARGET_MIB = 400;

function statusMiB(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number | undefined {
  if (!pid) return undefined;
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set size of a process (VmHWM) since it started or since `resetPeakRss`, in MiB. */
export function peakRssMiB(pid: number | undefined): number | undefined {
  return statusMiB(pid, 'VmHWM');
}

/** Resident set size of a process now (VmRSS), in MiB. */
export function rssMiB(pid: number | undefined): number | undefined {
  return statusMiB(pid, 'VmRSS');
}

/**
 * Sets the process's VmHWM back to its current RSS (Linux: writing 5 to /proc/<pid>/clear_refs), so
 * the next `peakRssMiB` is the peak of what ran in between, not of the boot and the migrations.
 * Answers whether it worked (not on other systems, or without the right to the process).
 */
export function resetPeakRss(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the service and starts it as `npm start` does (the compiled build, not a TypeScript
 * loader), with rate limits raised out of the way, next to the bare reference app; prints the
 * `BENCH_RESOURCES` line and waits until both answer.
 */
export async function startService(run: {
  database: string;
  databaseUrl: string;
  redisPrefix: string;
  totpKey: string;
  /** More variables for the service, e.g. limits a report needs out of the way. */
  env?: Record<string, string>;
}): Promise<RunningService> {
  const restoreSnapshot = keepMigrationSnapshot();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  process.stdout.write('building the service (nest build)\n');
  const build = spawnSync(join(root, 'node_modules/.bin/nest'), ['build'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`nest build failed:\n${build.stdout}${build.stderr}`);
  const nodeOptions = serviceNodeOptions();
  const server = startBenchNode('dist/src/main.js', {
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: run.databaseUrl,
    MIGRATIONS_RUN: 'true',
    REDIS_URL,
    REDIS_KEY_PREFIX: run.redisPrefix,
    LOG_LEVEL: 'warn',
    COOKIE_SECURE: 'false',
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_RATE_LIMIT_PER_IP: '100000000',
    LOGIN_MAX_CONSECUTIVE_FAILURES: '1000',
    TOTP_ENCRYPTION_KEY: run.totpKey,
    // Registrations send a welcome mail: without SMTP_URL it is written here, not into the tree.
    MAIL_DIR: runTempDir('bench-mail-'),
    ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    ...run.env,
  });
  const barePort = await freePort();
  const bare = startBenchNode('bench/bare-app.ts', {
    PORT: String(barePort),
    NODE_ENV: 'production',
  });
  process.stdout.write(
    `BENCH_RESOURCES ${JSON.stringify({ database: run.database, redisPrefix: run.redisPrefix, serverPid: server.child.pid, barePid: bare.child.pid })}\n`,
  );

  await waitForHttpOk(`${base}/health`, {
    what: 'the service to answer /health',
    timeoutMs: 90_000,
    intervalMs: 200,
    output: server.output,
  });
  await waitForHttpOk(`http://127.0.0.1:${barePort}/ping`, {
    what: 'the bare app',
    timeoutMs: 60_000,
    intervalMs: 200,
    output: bare.output,
  });
  restoreSnapshot();
  return {
    base,
    serverPid: server.child.pid,
    barePort,
    barePid: bare.child.pid,
    cpuProbe: server.child.pid
      ? {
          pid: server.child.pid,
          poolSize: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
          database: run.database,
        }
      : null,
  };
}
