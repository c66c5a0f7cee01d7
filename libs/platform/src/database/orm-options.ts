import { resolve } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/postgresql';

/** The repository root, both from TypeScript sources and from the compiled `dist/` tree. */
const projectRoot = resolve(__dirname, '../../../..');

export const MIGRATIONS_PATH = resolve(projectRoot, 'migrations');

/**
 * How long a query may wait for a database connection: for a free one in the pool, and for a new
 * one to be opened. knex waits 60 s by default and pg without limit, so a database that stops
 * answering (rather than refusing at once), or a pool whose every connection is busy, would hold
 * each request for a minute; past this bound the request fails and is answered 503.
 */
export const CONNECTION_ACQUIRE_TIMEOUT_MS = 5_000;

/**
 * `forCli`: only the MikroORM CLI (migration:create) maintains the schema snapshot; the service and the
 * tests apply migrations without rewriting the tracked snapshot file.
 */
export function ormOptions(
  databaseUrl: string,
  extra: Partial<Options> = {},
  { forCli = false }: { forCli?: boolean } = {},
): Options {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    extensions: [Migrator],
    migrations: {
      path: MIGRATIONS_PATH,
      pathTs: MIGRATIONS_PATH,
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: forCli,
      snapshotName: '.snapshot',
      emit: 'ts',
      silent: process.env.NODE_ENV === 'test',
      fileName: (timestamp: string, name?: string) =>
        `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    pool: { min: 0, max: 10, acquireTimeoutMillis: CONNECTION_ACQUIRE_TIMEOUT_MS },
    driverOptions: { connection: { connectionTimeoutMillis: CONNECTION_ACQUIRE_TIMEOUT_MS } },
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    allowGlobalContext: false,
    debug: false,
    ...extra,
  });
}
