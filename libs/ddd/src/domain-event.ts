import { randomUUID } from 'node:crypto';

export type EventPayload = Record<string, string | number | boolean | null | string[] | undefined>;

/**
 * A fact that happened in one bounded context, carried with primitive data only so that any other
 * context can react to it without importing the publisher's model.
 *
 * `secrets` travel only to the mail queue (e.g. a temporary password that must be mailed once);
 * they are never stored in the audit trail and are erased from the outbox once relayed.
 */
export abstract class DomainEvent<P extends EventPayload = EventPayload> {
  abstract readonly type: string;
  readonly eventId: string;
  readonly occurredAt: Date;

  protected constructor(
    readonly subjectAccountId: string | null,
    readonly payload: P,
    readonly secrets: Record<string, string> | null = null,
  ) {
    this.eventId = randomUUID();
    this.occurredAt = new Date();
  }
}
