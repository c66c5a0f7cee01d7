import { resolve } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/postgresql';

/** The repository root, both from TypeScript sources and from the compiled `dist/` tree. */
const projectRoot = resolve(__dirname, '../../../..');

export const MIGRATIONS_PATH = resolve(projectRoot, 'migrations');

export function ormOptions(databaseUrl: string, extra: Partial<Options> = {}): Options {
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
      snapshot: true,
      snapshotName: '.snapshot',
      emit: 'ts',
      silent: process.env.NODE_ENV === 'test',
      fileName: (timestamp: string, name?: string) =>
        `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    pool: { min: 0, max: 10 },
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    allowGlobalContext: false,
    debug: false,
    ...extra,
  });
}
