import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from '@app/ddd';
import { RefusalAfterCommit } from '@app/platform';
import type { TransactionRunner } from '@app/platform';

/** An entity manager for handlers that only hand it on (to doubled repositories and buses). */
export const em = {} as EntityManager;

export type TransactionsDouble = TransactionRunner & {
  /** The events use cases handed to `publish`, in order (aggregates' own events stay on them). */
  published: DomainEvent[];
  /** How many outermost transactions "committed" (a refusal after commit counts). */
  commits: number;
};

/**
 * Runs the work at once on `entityManager`, like the real runner as far as a use case can tell: a
 * `RefusalAfterCommit` thrown by the work commits, then throws its error (a nested run hands the
 * refusal on to the outermost one); any other error rolls back.
 */
export function immediateTransactions(entityManager: EntityManager = em): TransactionsDouble {
  let depth = 0;
  const double = {
    published: [] as DomainEvent[],
    commits: 0,
    async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
      depth += 1;
      try {
        const value = await work(entityManager);
        if (depth === 1) double.commits += 1;
        return value;
      } catch (error) {
        if (!(error instanceof RefusalAfterCommit) || depth > 1) throw error;
        double.commits += 1;
        throw error.error;
      } finally {
        depth -= 1;
      }
    },
    publish(_em: EntityManager, ...events: DomainEvent[]): void {
      double.published.push(...events);
    },
  };
  return double as unknown as TransactionsDouble;
}

/** The types of the events, in order: what most specs assert. */
export const typesOf = (events: readonly DomainEvent[]) => events.map((event) => event.type);
