import type { Queue } from 'bull';
import type { EventMetadata } from './outbox-message.entity';

/** An event as consumers receive it from a queue: plain JSON, the same for every consumer. */
export interface DeliveredEvent<P = Record<string, unknown>> {
  eventId: string;
  type: string;
  occurredAt: string;
  subjectAccountId: string | null;
  payload: P;
  metadata: EventMetadata;
  /** Present only for subscribers that asked for secrets (the mail queue). */
  secrets?: Record<string, string> | null;
}

export interface OutboxSubscription {
  /** The Bull queue that receives the events this subscription accepts. */
  queue: Queue;
  accepts(eventType: string): boolean;
  includeSecrets: boolean;
}
