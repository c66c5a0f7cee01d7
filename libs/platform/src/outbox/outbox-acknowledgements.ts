import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OutboxSubscriptions, secretConsumers } from './outbox-subscriptions';

/**
 * How a consumer tells the outbox that an event reached it: it removes itself from the message's
 * pending consumers in the same transaction in which it records the event's effect, so that an
 * event counts as delivered exactly when its effect is durable. The last acknowledgement takes the
 * message off the relay's list; the one of the consumer that receives secrets erases them.
 */
@Injectable()
export class OutboxAcknowledgements {
  constructor(private readonly subscriptions: OutboxSubscriptions) {}

  /** Acknowledges in `em`'s transaction (or on its own when `em` has none). */
  async acknowledge(em: EntityManager, consumer: string, eventIds: string[]): Promise<void> {
    await em.execute(ACKNOWLEDGE, this.acknowledgeBindings(consumer, eventIds), 'run');
  }

  /**
   * Runs `effect` (the consumer's insert of one or many events) and the acknowledgement of
   * `eventIds` as one statement: atomic without a transaction of its own, and one round trip
   * where a transaction would take four.
   */
  async recordAndAcknowledge(
    em: EntityManager,
    consumer: string,
    eventIds: string[],
    effect: DataModifyingQuery,
  ): Promise<void> {
    const recorded = effect.getKnexQuery().toSQL();
    await em.execute(
      `with "recorded" as (${recorded.sql}) ${ACKNOWLEDGE}`,
      [...recorded.bindings, ...this.acknowledgeBindings(consumer, eventIds)],
      'run',
    );
  }

  private acknowledgeBindings(consumer: string, eventIds: string[]): unknown[] {
    return [
      consumer,
      consumer,
      consumer,
      secretConsumers(this.subscriptions.all()),
      eventIds,
      consumer,
    ];
  }
}

/** A MikroORM insert (or update) query builder, not yet executed. */
export interface DataModifyingQuery {
  getKnexQuery(): { toSQL(): { sql: string; bindings: readonly unknown[] } };
}

/**
 * A consumer can finish before the relay that handed it the job has committed: the relay keeps the
 * row locked until every queue answered, and the pending consumers it records are not yet visible.
 * The update therefore also admits a row whose pending consumers are still null: it then waits for
 * the relay's lock and applies to the row as the relay committed it, instead of missing the row and
 * leaving the consumer pending until redelivery. Should the relay roll back instead, the row keeps
 * its null consumers and its secrets, and the next relay hands the event out again.
 */
const ACKNOWLEDGE = `
  update "platform"."outbox_message"
  set "pending_consumers" = array_remove("pending_consumers", ?),
      "relay_at" = case when cardinality(array_remove("pending_consumers", ?)) = 0 then null
                        else "relay_at" end,
      "secrets" = case when "pending_consumers" is null
                         or array_remove("pending_consumers", ?) && array[?]::text[]
                       then "secrets" end
  where "event_id" = any(array[?]::uuid[])
    and ("pending_consumers" is null or ? = any("pending_consumers"))`;
