import { TransactionPropagation } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { isAggregateRoot } from '@app/ddd';
import type { AggregateRoot, DomainError, DomainEvent } from '@app/ddd';
import { Injectable } from '@nestjs/common';
import { RequestContext } from '../context/request-context';
import { CommittedEvents } from './committed-events';
import type { CommittedEvent } from './committed-events';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxSignal } from './outbox-signal';

/**
 * Thrown from a use case to end it with a refusal whose cause must stay recorded: a wrong password
 * that counts towards a cool-down, a wrong code towards a lock. The transaction commits what the use
 * case wrote (including the events its aggregates recorded), and only then does `error` reach the
 * caller. Build it with `refuseAfterCommit(error)`.
 */
export class RefusalAfterCommit extends Error {
  constructor(readonly error: DomainError) {
    super(`refused after commit: ${error.code}`);
    this.name = RefusalAfterCommit.name;
  }
}

/** `throw refuseAfterCommit(new InvalidCredentialsError())`: commit this outcome, then throw that error. */
export function refuseAfterCommit(error: DomainError): RefusalAfterCommit {
  return new RefusalAfterCommit(error);
}

const tracked = new WeakMap<EntityManager, Set<AggregateRoot>>();

/**
 * For a repository that loads an aggregate which is no entity of its own (a roster of rows, the
 * live sessions of an account): its events reach the outbox like an entity's, because the runner
 * cannot find it in the identity map.
 */
export function trackAggregate(em: EntityManager, aggregate: AggregateRoot): void {
  const aggregates = tracked.get(em) ?? new Set<AggregateRoot>();
  aggregates.add(aggregate);
  tracked.set(em, aggregates);
}

/**
 * Runs one use case in one database transaction. The domain events that the aggregates touched by
 * the use case recorded are written to the outbox in that same transaction, and the relay is woken
 * once the outermost transaction has committed.
 *
 * A use case run from inside another (login starting a session) joins the caller's transaction
 * rather than opening a savepoint: it commits or rolls back with the caller, which is what the
 * caller needs, and costs no SAVEPOINT/RELEASE round trips. Code that must survive a failed insert
 * inside a transaction (the user-ID race) opens its own savepoint explicitly.
 *
 * A `RefusalAfterCommit` thrown by the work (or by a use case nested in it) commits the outermost
 * transaction and then throws the refusal's error, so a nested use case may refuse without its
 * caller losing what it recorded.
 */
@Injectable()
export class TransactionRunner {
  /** The events written in each open transaction (nested runs share it), told once it committed. */
  private readonly written = new WeakMap<object, CommittedEvent[]>();

  constructor(
    private readonly em: EntityManager,
    private readonly context: RequestContext,
    private readonly signal: OutboxSignal,
    private readonly committed: CommittedEvents,
  ) {}

  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const outermost = !this.em.getTransactionContext();
    let refusal: RefusalAfterCommit | null = null;
    let transaction: object | undefined;
    const result = await this.em.transactional(
      async (em) => {
        transaction = em.getTransactionContext<object>();
        let value: T | undefined;
        try {
          value = await work(em);
        } catch (error) {
          if (!(error instanceof RefusalAfterCommit)) throw error;
          refusal = error;
        }
        await em.flush();
        this.collectEvents(em);
        // A nested run hands the refusal on: only the outermost transaction commits.
        if (refusal && !outermost) throw refusal;
        return value as T;
      },
      { propagation: TransactionPropagation.REQUIRED },
    );
    if (outermost) {
      this.signal.notify();
      const events = transaction && this.written.get(transaction);
      if (events) this.committed.notify(events);
    }
    if (refusal) throw (refusal as RefusalAfterCommit).error;
    return result;
  }

  /** For events no aggregate owns (e.g. a login refused before anything was read or counted). */
  publish(em: EntityManager, ...events: DomainEvent[]): void {
    const metadata = this.context.metadata();
    for (const event of events) this.write(em, toOutboxMessage(event, metadata));
  }

  private collectEvents(em: EntityManager): void {
    const metadata = this.context.metadata();
    const aggregates = [
      ...[...em.getUnitOfWork().getIdentityMap().values()].filter(isAggregateRoot),
      ...(tracked.get(em) ?? []),
    ];
    for (const aggregate of aggregates)
      for (const event of aggregate.pullEvents()) this.write(em, toOutboxMessage(event, metadata));
  }

  private write(em: EntityManager, message: OutboxMessage): void {
    em.persist(message);
    const transaction = em.getTransactionContext<object>();
    if (!transaction) return;
    const events = this.written.get(transaction) ?? [];
    events.push({ type: message.type, payload: message.payload });
    this.written.set(transaction, events);
  }
}

function toOutboxMessage(event: DomainEvent, metadata: OutboxMessage['metadata']): OutboxMessage {
  const message = new OutboxMessage();
  message.eventId = event.eventId;
  message.type = event.type;
  message.subjectAccountId = event.subjectAccountId;
  message.payload = JSON.parse(JSON.stringify(event.payload)) as Record<string, unknown>;
  message.secrets = event.secrets;
  message.metadata = metadata;
  message.occurredAt = event.occurredAt;
  return message;
}
