import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { exited, startNode } from '@test/support/node-process';
import type { NodeProcess } from '@test/support/node-process';
import { root } from './options';

export const SERVER_URL =
  process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** What a run creates and `cleanup` removes, also after a failure or Ctrl-C. */
const processes: ChildProcess[] = [];
const restoreSnapshots: (() => void)[] = [];
let databaseName = '';
let redisPrefix = '';
const tempDirs: string[] = [];

/** A temporary directory of the run (e.g. the service's MAIL_DIR), removed by `cleanup`. */
export function runTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function admin<T>(fn: (client: Client) => Promise<T>, url = SERVER_URL): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The run's own database `ap_bench_<random>` (created here) and Redis prefix `bench-<random>`. */
export async function createRunResources(): Promise<{ database: string; redisPrefix: string }> {
  const suffix = randomBytes(4).toString('hex');
  databaseName = `ap_bench_${suffix}`;
  redisPrefix = `bench-${suffix}`;
  await admin((c) => c.query(`create database "${databaseName}"`));
  return { database: databaseName, redisPrefix };
}

/** A node process of the run (see `startNode`), killed by `cleanup`. */
export function startBenchNode(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
): NodeProcess {
  const started = startNode(script, { env, args, keepOutput: 20_000 });
  processes.push(started.child);
  return started;
}

/** Runs a reference script to its end and answers the `perSecond` of its last output line. */
export async function runReference(name: string, script: string, args: string[]): Promise<number> {
  return (await runReferenceDetails(name, script, args)).perSecond;
}

/** Runs a reference script to its end and answers its last output line (JSON, with `perSecond`). */
export async function runReferenceDetails<T extends { perSecond: number }>(
  name: string,
  script: string,
  args: string[],
): Promise<T> {
  const { child, output } = startBenchNode(script, {}, args);
  const { code } = await exited(child);
  if (code !== 0) throw new Error(`${name} reference failed:\n${output()}`);
  return JSON.parse(output().trim().split('\n').pop() ?? '{}') as T;
}

/**
 * The service's boot-time migration run rewrites migrations/.snapshot.json from the live schema
 * (MikroORM `snapshot: true`); the returned function puts the committed bytes back so a bench run
 * leaves the tree untouched (`cleanup` calls it too).
 */
export function keepMigrationSnapshot(): () => void {
  const snapshotPath = join(root, 'migrations/.snapshot.json');
  const snapshot = existsSync(snapshotPath) ? readFileSync(snapshotPath) : null;
  const restore = () => {
    if (snapshot && !readFileSync(snapshotPath).equals(snapshot))
      writeFileSync(snapshotPath, snapshot);
  };
  restoreSnapshots.push(restore);
  return restore;
}

export async function cleanup(): Promise<void> {
  for (const restore of restoreSnapshots) restore();
  for (const child of processes)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 300));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  if (databaseName)
    await admin((c) => c.query(`drop database if exists "${databaseName}" with (force)`)).catch(
      (e: unknown) => process.stderr.write(`could not drop ${databaseName}: ${String(e)}\n`),
    );
  if (redisPrefix) {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      const keys = await redis.keys(`${redisPrefix}*`);
      if (keys.length) await redis.del(...keys);
    } catch {
      // best effort
    } finally {
      redis.disconnect();
    }
  }
}

/**
 * Runs a bench script's `main` and exits: its resources are cleaned up after success, failure or
 * Ctrl-C alike.
 */
export function runScript(what: string, main: () => Promise<void>): void {
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)));
  main()
    .then(cleanup)
    .then(() => process.exit(0))
    .catch(async (error: unknown) => {
      process.stderr.write(
        `${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      await cleanup();
      process.exit(1);
    });
}
