import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { OnModuleInit } from '@nestjs/common';
import type { DeliveredEvent } from '@app/platform';
import { OutboxAcknowledgements, OutboxSubscriptions } from '@app/platform';
import type { Job, Queue } from 'bull';
import { AuditRecord } from '../domain/audit-record.entity';
import { redactSecrets } from '../domain/redact-secrets';

export const AUDIT_QUEUE = 'audit';

/**
 * Stores every event exactly once per event id, however often the queue delivers it, and
 * acknowledges it to the outbox in the same statement.
 */
@Processor(AUDIT_QUEUE)
export class AuditEventsProcessor implements OnModuleInit {
  constructor(
    @InjectQueue(AUDIT_QUEUE) private readonly queue: Queue,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly em: EntityManager,
    private readonly acknowledgements: OutboxAcknowledgements,
  ) {}

  onModuleInit(): void {
    this.subscriptions.register({ queue: this.queue, accepts: () => true, includeSecrets: false });
  }

  @Process({ concurrency: 16 })
  async record(job: Job<DeliveredEvent>): Promise<void> {
    const event = job.data;
    const em = this.em.fork();
    const insert = em
      .createQueryBuilder(AuditRecord)
      .insert({
        eventId: event.eventId,
        type: event.type,
        actorAccountId: event.metadata.actorAccountId,
        subjectAccountId: event.subjectAccountId,
        clientIp: event.metadata.clientIp,
        userAgent: event.metadata.userAgent,
        requestId: event.metadata.requestId,
        staffReason: event.metadata.staffReason ?? null,
        supportRequestId: event.metadata.supportRequestId ?? null,
        payload: redactSecrets(event.payload),
        occurredAt: new Date(event.occurredAt),
        recordedAt: new Date(),
      })
      .onConflict('event_id')
      .ignore();
    await this.acknowledgements.recordAndAcknowledge(em, AUDIT_QUEUE, event.eventId, insert);
  }
}
