import type { JobOptions } from 'bull';
import type { DeliveredEvent, OutboxSubscription } from './delivered-event';
import type { OutboxMessage } from './outbox-message.entity';

export interface QueueDelivery {
  subscription: OutboxSubscription;
  jobs: { data: DeliveredEvent; opts: JobOptions }[];
  /** The events among them that were relayed before, whose earlier job may linger in Redis. */
  relayedBefore: string[];
}

/** What the relay reads of a due message. */
export type DueMessage = Pick<
  OutboxMessage,
  | 'position'
  | 'eventId'
  | 'type'
  | 'subjectAccountId'
  | 'payload'
  | 'secrets'
  | 'metadata'
  | 'occurredAt'
  | 'pendingConsumers'
>;

export interface RelayPlan {
  /** The jobs to add, per queue; the job id is the event id, so a job still in Redis is not added twice. */
  deliveries: QueueDelivery[];
  /** Per message, the consumers that stay pending until they acknowledge. */
  pending: { position: string; consumers: string[] }[];
}

/**
 * Decides who receives a batch of due messages. The first relay hands a message to every
 * subscription that accepts its type; a later relay only to the consumers that have not
 * acknowledged it yet. A pending consumer that no subscription of this instance serves (an
 * instance of an older version during a rolling deploy) stays pending for an instance that does.
 */
export function planRelay(messages: DueMessage[], subscriptions: OutboxSubscription[]): RelayPlan {
  const pending = messages.map((message) => ({
    message,
    consumers:
      message.pendingConsumers ??
      subscriptions.filter((s) => s.accepts(message.type)).map((s) => s.queue.name),
  }));
  const deliveries = subscriptions
    .map((subscription) => {
      const messagesForIt = pending
        .filter(({ consumers }) => consumers.includes(subscription.queue.name))
        .map(({ message }) => message);
      return {
        subscription,
        jobs: messagesForIt.map((message) => ({
          data: toDelivered(message, subscription.includeSecrets),
          opts: { jobId: message.eventId } satisfies JobOptions,
        })),
        relayedBefore: messagesForIt
          .filter((message) => message.pendingConsumers !== null)
          .map((message) => message.eventId),
      };
    })
    .filter(({ jobs }) => jobs.length > 0);
  return {
    deliveries,
    pending: pending.map(({ message, consumers }) => ({ position: message.position, consumers })),
  };
}

function toDelivered(message: DueMessage, includeSecrets: boolean): DeliveredEvent {
  return {
    eventId: message.eventId,
    type: message.type,
    occurredAt: new Date(message.occurredAt).toISOString(),
    subjectAccountId: message.subjectAccountId,
    payload: message.payload,
    metadata: message.metadata,
    ...(includeSecrets && message.secrets ? { secrets: message.secrets } : {}),
  };
}
