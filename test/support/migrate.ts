import { MikroORM } from '@mikro-orm/postgresql';
import { runMigrations } from '../../libs/platform/src/database/migrations';
import { ormOptions } from '../../libs/platform/src/database/orm-options';

/**
 * Applies the migrations to the database named on the command line. Run as a child process by the
 * global setup so that MikroORM is never loaded into jest's own process (its metadata would leak
 * into the test files' realms when jest runs in band).
 */
async function main(url: string): Promise<void> {
  const orm = await MikroORM.init(
    ormOptions(url, { entities: [], discovery: { warnWhenNoEntities: false } }),
  );
  try {
    await runMigrations(orm);
  } finally {
    await orm.close(true);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
