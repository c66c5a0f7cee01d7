import type { MikroORM } from '@mikro-orm/postgresql';

/** Serialises migrations across instances that start at the same time. */
const MIGRATION_LOCK_KEY = 7_202_611;

export async function runMigrations(orm: MikroORM): Promise<void> {
  const connection = orm.em.getConnection();
  const knex = connection.getKnex();
  await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    await orm.getMigrator().up();
  });
}
