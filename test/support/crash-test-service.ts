import { randomBytes } from 'node:crypto';
import { redisPrefix, runId } from './environment';
import { freePort } from './free-port';
import { startNode, waitForHttpOk } from './node-process';
import type { NodeProcess } from './node-process';
import { createTestDatabase } from './test-app';

/** The service as its own process, for a test that kills it and starts it again. */
export interface CrashTestService {
  port: number;
  databaseUrl: string;
  /** Starts the service (again) on the same database, Redis prefix and port; resolves once it answers /health. */
  start(): Promise<NodeProcess>;
  /** Kills every process `start` made that is still running (for `afterAll`). */
  killAll(): void;
}

/**
 * The service from `src/main.ts` on a database and a Redis prefix of its own, with fast outbox
 * redelivery so that a restart picks up what the killed process left; `env` adds to that.
 */
export async function crashTestService(
  name: string,
  env: Record<string, string> = {},
): Promise<CrashTestService> {
  const port = await freePort();
  const databaseUrl = await createTestDatabase();
  const serviceEnv = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    MIGRATIONS_RUN: 'false',
    REDIS_KEY_PREFIX: `${redisPrefix(runId())}-${name}-${randomBytes(3).toString('hex')}`,
    OUTBOX_POLL_INTERVAL_MS: '200',
    OUTBOX_REDELIVERY_AFTER_MS: '2000',
    ...env,
  };
  const started: NodeProcess[] = [];
  return {
    port,
    databaseUrl,
    async start() {
      const service = startNode('src/main.ts', { env: serviceEnv });
      started.push(service);
      await waitForHttpOk(`http://127.0.0.1:${port}/health`, {
        timeoutMs: 50_000,
        what: 'the service to answer /health',
        output: service.output,
      });
      return service;
    },
    killAll() {
      for (const { child } of started)
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
