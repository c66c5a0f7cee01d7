import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { BeforeApplicationShutdown, Logger, OnModuleInit } from '@nestjs/common';
import type { DeliveredEvent } from '@app/platform';
import { OutboxAcknowledgements, OutboxSubscriptions } from '@app/platform';
import type { Job, Queue } from 'bull';
import { AuditSettings } from '../application/audit-settings';
import { AuditRecord } from '../domain/audit-record.entity';
import { redactSecrets } from '../domain/redact-secrets';
import { EventBatch } from './event-batch';
import type { ItemOutcomes } from './event-batch';

export const AUDIT_QUEUE = 'audit';

/**
 * Events stored per INSERT. Bull hands a processor at most `concurrency` jobs at a time, so the
 * concurrency is the batch size: a full batch is then one flush away, not a timer away.
 */
export const AUDIT_BATCH_MAX_EVENTS = 200;

/**
 * Stores every event exactly once per event id, however often the queue delivers it, and
 * acknowledges it to the outbox in the same statement. Jobs join a batch (`EventBatch`) stored by
 * one multi-row INSERT … ON CONFLICT DO NOTHING that also acknowledges every event of the batch;
 * each job completes only once that statement committed. Should the batch's statement fail, its
 * events are stored one by one, so that one event that cannot be stored fails (and is retried by
 * Bull) alone instead of failing its neighbours with it on every retry.
 */
@Processor(AUDIT_QUEUE)
export class AuditEventsProcessor implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditEventsProcessor.name);
  private readonly batch: EventBatch<DeliveredEvent>;

  constructor(
    @InjectQueue(AUDIT_QUEUE) private readonly queue: Queue,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly em: EntityManager,
    private readonly acknowledgements: OutboxAcknowledgements,
    settings: AuditSettings,
  ) {
    this.batch = new EventBatch((events) => this.store(events), {
      maxItems: AUDIT_BATCH_MAX_EVENTS,
      maxWaitMs: settings.AUDIT_BATCH_MAX_WAIT_MS,
    });
  }

  onModuleInit(): void {
    this.subscriptions.register({ queue: this.queue, accepts: () => true, includeSecrets: false });
  }

  /**
   * The queue closes and the database pool is destroyed in `onApplicationShutdown`, in an order
   * Nest does not promise: take no more jobs here, and store the batch in hand while the pool is
   * still open (the local pause waits for the active jobs, i.e. for their batch's flush).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.pause(true).catch(() => undefined);
    await this.batch.drain();
  }

  @Process({ concurrency: AUDIT_BATCH_MAX_EVENTS })
  record(job: Job<DeliveredEvent>): Promise<void> {
    return this.batch.add(job.data);
  }

  private async store(events: DeliveredEvent[]): Promise<ItemOutcomes | void> {
    try {
      await this.insert(events);
    } catch (error) {
      if (events.length === 1) throw error;
      this.logger.warn(
        `Audit batch of ${events.length} events failed (${(error as Error).message}); storing them one by one`,
      );
      const outcomes: ItemOutcomes = [];
      for (const event of events) {
        outcomes.push(
          await this.insert([event]).then(
            (value) => ({ status: 'fulfilled', value }) as const,
            (reason: unknown) => ({ status: 'rejected', reason }) as const,
          ),
        );
      }
      return outcomes;
    }
  }

  private async insert(events: DeliveredEvent[]): Promise<void> {
    const em = this.em.fork();
    const recordedAt = new Date();
    const unique = [...new Map(events.map((event) => [event.eventId, event])).values()];
    const insert = em
      .createQueryBuilder(AuditRecord)
      .insert(
        unique.map((event) => ({
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
          recordedAt,
        })),
      )
      .onConflict('event_id')
      .ignore();
    await this.acknowledgements.recordAndAcknowledge(
      em,
      AUDIT_QUEUE,
      unique.map((event) => event.eventId),
      insert,
    );
  }
}
