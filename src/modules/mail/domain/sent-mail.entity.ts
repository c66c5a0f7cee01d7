import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Remembers which events already produced their mail, so a redelivered job sends nothing twice. */
@Entity({ schema: 'mail', tableName: 'sent_mail' })
export class SentMail {
  @PrimaryKey({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'string', length: 120 })
  eventType!: string;

  @Property({ type: 'string', length: 320 })
  recipient!: string;

  @Property({ type: 'string', length: 255, nullable: true })
  messageId: string | null = null;

  @Property({ type: 'timestamptz' })
  sentAt: Date = new Date();
}
