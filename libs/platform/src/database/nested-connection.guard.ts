import { MikroORM, TransactionContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, OnModuleInit } from '@nestjs/common';

export class NestedConnectionError extends Error {
  constructor() {
    super(
      'A pooled database connection was requested while this async context already holds one in a ' +
        'transaction. Read through the transaction (forkForReads, or the em passed to the use case) ' +
        'instead of em.fork(): a request that holds one connection while it waits for another ' +
        'starves the pool under load (ADR 0006).',
    );
    this.name = NestedConnectionError.name;
  }
}

interface PoolClient {
  acquireConnection(): Promise<unknown>;
}

/**
 * Makes "no request holds one pooled connection while it waits for another" a rule the process
 * enforces rather than a convention: asking the pool for a connection from inside a transaction
 * fails at once, in every environment, instead of waiting for a connection that the other waiting
 * requests hold. Every path the test suite exercises is checked this way on every run.
 *
 * Statements of a transaction use its own connection (knex gives transactions a client of their
 * own), so only a second, independent connection reaches the pool's `acquireConnection`.
 */
@Injectable()
export class NestedConnectionGuard implements OnModuleInit {
  constructor(private readonly orm: MikroORM) {}

  onModuleInit(): void {
    const em = this.orm.em as EntityManager;
    const client = em.getConnection().getKnex().client as PoolClient;
    const acquire = client.acquireConnection.bind(client);
    client.acquireConnection = () => {
      if (TransactionContext.getEntityManager()?.isInTransaction()) {
        return Promise.reject(new NestedConnectionError());
      }
      return acquire();
    };
  }
}
