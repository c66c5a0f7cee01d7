import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A domain event waiting to be relayed to the queues. Written in the same transaction as the state
 * change that raised it, so an event exists if and only if its change was committed.
 */
@Entity({ schema: 'platform', tableName: 'outbox_message' })
@Index({
  name: 'outbox_message_pending_idx',
  expression:
    'create index "outbox_message_pending_idx" on "platform"."outbox_message" ("position") where "published_at" is null',
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

  /** Values that only the mail queue may see; erased once the message is relayed. */
  @Property({ type: 'json', nullable: true })
  secrets: Record<string, string> | null = null;

  @Property({ type: 'json' })
  metadata!: EventMetadata;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;
}

export interface EventMetadata {
  actorAccountId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
}
