import type { EntityManager } from '@mikro-orm/postgresql';

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
