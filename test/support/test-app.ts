import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModuleMetadata } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import Bull from 'bull';
import type { Queue } from 'bull';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { checkSettings, configureApp, loadConfig } from '@app/platform';
import type { AppConfig } from '@app/platform';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule, CONTEXT_MODULES } from '../../src/app.module';
import {
  SERVER_DATABASE_URL,
  REDIS_URL,
  databasePrefix,
  databaseUrl,
  redisPrefix,
  runId,
  templateDatabase,
} from './environment';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  /** Stops the app; the database stays until `dropDatabase` or the end of the run. */
  close(): Promise<void>;
}

/** A fresh database cloned from the run's migrated template, with its own name. */
export async function createTestDatabase(): Promise<string> {
  const id = runId();
  const name = `${databasePrefix(id)}${randomBytes(4).toString('hex')}`;
  const pg = new Client({ connectionString: SERVER_DATABASE_URL });
  await pg.connect();
  try {
    await pg.query(`create database "${name}" template "${templateDatabase(id)}"`);
  } finally {
    await pg.end();
  }
  return databaseUrl(name);
}

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    REDIS_URL,
    REDIS_KEY_PREFIX: `${redisPrefix(runId())}-${randomBytes(4).toString('hex')}`,
    MAIL_DIR: mkdtempSync(join(tmpdir(), 'ap-mail-')),
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: 'false',
    MIGRATIONS_RUN: 'false',
    OUTBOX_POLL_INTERVAL_MS: '200',
    MAIL_BACKOFF_MS: '100',
    ...overrides,
  });
}

/** The real application (all modules, real PostgreSQL and Redis), configured as in production. */
export async function createTestApp(
  options: { env?: Record<string, string>; imports?: ModuleMetadata['imports'] } = {},
): Promise<TestApp> {
  const env = options.env ?? {};
  const config = testConfig({
    DATABASE_URL: env.DATABASE_URL ?? (await createTestDatabase()),
    ...env,
  });
  // As at boot (src/main.ts): every context's settings are valid before anything connects.
  checkSettings(config.environment, ...CONTEXT_MODULES, ...(options.imports ?? []));
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config), ...(options.imports ?? [])],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: false,
  });
  configureApp(app);
  // A listening server: supertest would otherwise open and close a server per request, and
  // parallel requests would then see each other's server closing (ECONNRESET).
  await app.listen(0, '127.0.0.1');
  const { pendingHooks, queues } = traceShutdown(app);
  // A queue closed while its Redis connections are still being opened rejects with "Connection is
  // closed": a test that closes the app at once must find it fully started, as production would.
  await Promise.all(queues.map((queue) => queue.isReady()));
  return {
    app,
    config,
    http: () => request(app.getHttpServer()),
    close: async () => {
      // In-flight requests get time to finish; a connection the client never releases does not
      // hold the test run hostage.
      const server = app.getHttpServer();
      const deadline = setTimeout(() => server.closeAllConnections(), 3000);
      const closing = app.close();
      try {
        if (await settlesWithin(closing, 20_000)) return;
        // Name the culprit in the log, then cut the queues' Redis connections and give the close
        // a last chance.
        const stuck = describePending(pendingHooks);
        process.stderr.write(`app.close() still waiting after 20 s on: ${stuck}\n`);
        for (const queue of queues) for (const client of queue.clients) client.disconnect();
        if (!(await settlesWithin(closing, 10_000)))
          throw new Error(`app.close() did not finish: ${describePending(pendingHooks)}`);
      } finally {
        clearTimeout(deadline);
      }
    },
  };
}

const SHUTDOWN_HOOKS = ['onModuleDestroy', 'beforeApplicationShutdown', 'onApplicationShutdown'];

/**
 * Records which providers' shutdown hooks are still running, so that a close that hangs names its
 * culprit instead of only timing out, and collects the app's queues, whose Redis connections are
 * the one shutdown step that waits on a peer.
 */
function traceShutdown(app: NestExpressApplication): {
  pendingHooks: Set<string>;
  queues: Queue[];
} {
  const pendingHooks = new Set<string>();
  const queues: Queue[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance = wrapper.instance as Record<string, unknown> | null | undefined;
      if (!instance || typeof instance !== 'object') continue;
      if (instance instanceof Bull) queues.push(instance as Queue);
      for (const hook of SHUTDOWN_HOOKS) {
        const original = instance[hook];
        if (typeof original !== 'function') continue;
        const label = `${module.metatype?.name ?? '?'}/${String(wrapper.name)}.${hook}`;
        instance[hook] = async (...args: unknown[]) => {
          pendingHooks.add(label);
          try {
            return await (original as (...a: unknown[]) => unknown).apply(instance, args);
          } finally {
            pendingHooks.delete(label);
          }
        };
      }
    }
  }
  return { pendingHooks, queues };
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describePending(pending: Set<string>): string {
  return (
    `${[...pending].join(', ') || 'no shutdown hook (HTTP server)'}; ` +
    `active resources: ${process.getActiveResourcesInfo().join(', ')}`
  );
}
