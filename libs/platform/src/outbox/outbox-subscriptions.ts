import { Injectable } from '@nestjs/common';
import type { OutboxSubscription } from './delivered-event';

/** Which queues want which events. Consumer modules register themselves when they start. */
@Injectable()
export class OutboxSubscriptions {
  private readonly subscriptions = new Map<string, OutboxSubscription>();

  register(subscription: OutboxSubscription): void {
    this.subscriptions.set(subscription.queue.name, subscription);
  }

  all(): OutboxSubscription[] {
    return [...this.subscriptions.values()];
  }
}

/** The consumers for whose sake an outbox row keeps its secrets while they are pending. */
export function secretConsumers(subscriptions: OutboxSubscription[]): string[] {
  return subscriptions.filter((s) => s.includeSecrets).map((s) => s.queue.name);
}
