import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One thing that happened, as support reads it later. Written once per event id, never changed. */
@Entity({ schema: 'audit', tableName: 'audit_record' })
@Index({ properties: ['subjectAccountId', 'occurredAt'] })
@Index({ properties: ['actorAccountId', 'occurredAt'] })
export class AuditRecord {
  @PrimaryKey({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'string', length: 120 })
  type!: string;

  @Property({ type: 'uuid', nullable: true })
  actorAccountId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  subjectAccountId: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  clientIp: string | null = null;

  @Property({ type: 'string', length: 512, nullable: true })
  userAgent: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  requestId: string | null = null;

  /** Why a staff member acted (ADR 0080); null for everything else. */
  @Property({ type: 'string', length: 500, nullable: true })
  staffReason: string | null = null;

  /** The support request a staff action answered. */
  @Property({ type: 'uuid', nullable: true, index: true })
  supportRequestId: string | null = null;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
