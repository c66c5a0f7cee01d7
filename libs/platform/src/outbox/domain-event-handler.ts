import { SetMetadata } from '@nestjs/common';
import type { DeliveredEvent } from './delivered-event';

export const DOMAIN_EVENTS_QUEUE = 'domain-events';
export const HANDLES_EVENTS = Symbol('handles-domain-events');

/**
 * Marks a provider that reacts to events of other contexts. Delivery is durable and
 * at-least-once (outbox → Bull → handler, retried on failure), so handlers must be idempotent,
 * typically by dispatching a command whose effect is the same when repeated.
 */
export const HandlesEvents = (...eventTypes: string[]) => SetMetadata(HANDLES_EVENTS, eventTypes);

export interface DomainEventHandler {
  handle(event: DeliveredEvent): Promise<void>;
}
