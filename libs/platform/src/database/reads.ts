import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * An entity manager for reads, with an identity map of its own. Inside a use case's transaction it
 * runs on that transaction's connection and sees its writes; outside one, each statement borrows a
 * pooled connection only for its own duration.
 *
 * A plain `em.fork()` ignores the surrounding transaction and asks the pool for a second connection
 * while the first is held. Under a burst every pooled connection ends up held by a request waiting
 * for another one, and the whole instance freezes until the acquire timeout (ADR 0006).
 */
export function forkForReads(em: EntityManager): EntityManager {
  return em.fork({ keepTransactionContext: true });
}

/**
 * One read statement that runs on every request (the session lookup, My Page) as a named prepared
 * statement: PostgreSQL parses it once per pooled connection and, once it has seen that a generic
 * plan costs no more, stops planning it; planning cost more than executing these index lookups
 * (ADR 0095). Values travel as parameters (`?` placeholders), never inlined. Like `forkForReads`,
 * it runs in the caller's transaction when there is one. `name` must stay unique to `sql`.
 */
export async function preparedRead<T extends object>(
  em: EntityManager,
  name: string,
  sql: string,
  params: readonly Knex.RawBinding[],
): Promise<T[]> {
  const query = em.getConnection().getKnex().raw(sql, params).options({ name });
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (transaction) query.transacting(transaction);
  const { rows } = (await query) as { rows: T[] };
  return rows;
}
