import { ArrayType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A domain event and the state of its delivery. Written in the same transaction as the state change
 * that raised it, so an event exists if and only if its change was committed. It stays due for
 * relaying until every consumer it was handed to has recorded its effect in PostgreSQL: a job in
 * Redis is not proof of delivery, since a Redis without persistence forgets it on restart.
 */
@Entity({ schema: 'platform', tableName: 'outbox_message' })
@Index({
  name: 'outbox_message_relay_due_idx',
  expression:
    'create index "outbox_message_relay_due_idx" on "platform"."outbox_message" ("relay_at", "position") where "relay_at" is not null',
})
export class OutboxMessage {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  position!: string;

  @Property({ type: 'uuid', unique: true })
  eventId!: string;

  @Property({ type: 'string', length: 120 })
  type!: string;

  @Property({ type: 'uuid', nullable: true })
  subjectAccountId: string | null = null;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  /**
   * Values that only the mail queue may see; kept while a consumer that receives them has not
   * acknowledged (a lost mail job must be sent again), erased in that acknowledgement.
   */
  @Property({ type: 'json', nullable: true })
  secrets: Record<string, string> | null = null;

  @Property({ type: 'json' })
  metadata!: EventMetadata;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  /** When the relay first handed the message to its consumers. */
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  /**
   * The consumers (queue names) the message was handed to that have not yet acknowledged it; null
   * until the first relay decides who they are.
   */
  @Property({ type: ArrayType, columnType: 'text[]', nullable: true })
  pendingConsumers: string[] | null = null;

  /**
   * When the relay is next due to hand the message to its pending consumers: at commit for a new
   * message, then OUTBOX_REDELIVERY_AFTER_MS after each relay while any consumer is pending; null
   * once none is. Left unset on insert so that the database clock decides, as it does for the claim.
   */
  @Property({ type: 'timestamptz', nullable: true, defaultRaw: 'now()' })
  relayAt?: Date | null;
}

export interface EventMetadata {
  actorAccountId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** Only on events of a staff action: the reason the staff member gave (ADR 0080). */
  staffReason?: string;
  /** Only on events of a staff action started from a support request. */
  supportRequestId?: string;
}
