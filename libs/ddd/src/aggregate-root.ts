import type { DomainEvent } from './domain-event';

const pending = new WeakMap<AggregateRoot, DomainEvent[]>();

/**
 * Base for aggregates that record domain events. Events are kept outside the instance's own
 * properties (a WeakMap) so that the ORM never sees them as state to persist.
 */
export abstract class AggregateRoot {
  protected record(event: DomainEvent): void {
    const events = pending.get(this) ?? [];
    events.push(event);
    pending.set(this, events);
  }

  pullEvents(): DomainEvent[] {
    const events = pending.get(this) ?? [];
    pending.delete(this);
    return events;
  }

  peekEvents(): readonly DomainEvent[] {
    return pending.get(this) ?? [];
  }
}

export function isAggregateRoot(value: unknown): value is AggregateRoot {
  return value instanceof AggregateRoot;
}
