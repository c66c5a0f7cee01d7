import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue, OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger, OnModuleInit } from '@nestjs/common';
import type { DeliveredEvent } from '@app/platform';
import { Metrics, OutboxAcknowledgements, OutboxSubscriptions } from '@app/platform';
import type { Job, Queue } from 'bull';
import { MailTemplateRegistry } from '../domain/mail-template-registry';
import type { MailContext } from '../domain/mail-template';
import { SentMail } from '../domain/sent-mail.entity';
import { MailSender } from './mail-sender';

export const MAIL_QUEUE = 'mail';

/**
 * Turns mail-worthy events into mails. Failures are retried with exponential backoff; after the
 * last attempt the job is kept in Bull's failed set (never dropped) and logged as an error. An
 * event is acknowledged to the outbox with its `sent_mail` row (or at once when it needs no mail),
 * which also erases the secrets the outbox kept for a resend.
 */
@Processor(MAIL_QUEUE)
export class MailEventsProcessor implements OnModuleInit {
  private readonly logger = new Logger(MailEventsProcessor.name);
  private readonly sent;
  private readonly failed;

  constructor(
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly templates: MailTemplateRegistry,
    private readonly sender: MailSender,
    private readonly em: EntityManager,
    private readonly acknowledgements: OutboxAcknowledgements,
    metrics: Metrics,
  ) {
    this.sent = metrics.counter({
      name: 'mails_sent_total',
      help: 'Mails handed to SMTP (or written to MAIL_DIR), by event type',
      labelNames: ['type'],
    });
    this.failed = metrics.counter({
      name: 'mails_failed_total',
      help: 'Failed mail attempts; final="true" when the job gave up and stays in the failed set',
      labelNames: ['final'],
    });
  }

  onModuleInit(): void {
    this.subscriptions.register({
      queue: this.queue,
      accepts: (type) => this.templates.has(type),
      includeSecrets: true,
    });
  }

  @Process({ concurrency: 4 })
  async deliver(job: Job<DeliveredEvent>): Promise<void> {
    const event = job.data;
    const em = this.em.fork();
    const mail = await this.compose(em, event);
    if (!mail) {
      await this.acknowledgements.acknowledge(em, MAIL_QUEUE, [event.eventId]);
      return;
    }
    // No second job for this event can be sending at the same time: a re-relay while this job
    // exists in Redis adds nothing (job id = event id), and one after Redis lost it comes only
    // OUTBOX_REDELIVERY_AFTER_MS after the last relay, far beyond a send's SMTP timeouts.
    const messageId = await this.sender.send({ ...mail, eventId: event.eventId });
    this.sent.inc({ type: event.type });
    await em.transactional(async (tx) => {
      await tx
        .createQueryBuilder(SentMail)
        .insert({
          eventId: event.eventId,
          eventType: event.type,
          recipient: mail.to,
          messageId,
          sentAt: new Date(),
        })
        .onConflict('event_id')
        .ignore()
        .execute();
      await this.acknowledgements.acknowledge(tx, MAIL_QUEUE, [event.eventId]);
    });
  }

  /** The mail an event still needs, or null: no template, no recipient, or already sent. */
  private async compose(
    em: EntityManager,
    event: DeliveredEvent,
  ): Promise<{ to: string; subject: string; text: string } | null> {
    const template = this.templates.find(event.type);
    if (!template) return null;
    if (await em.findOne(SentMail, { eventId: event.eventId })) return null;

    const context: MailContext = {
      eventId: event.eventId,
      occurredAt: new Date(event.occurredAt),
      payload: event.payload,
      secrets: event.secrets ?? {},
    };
    const to = template.recipient(context);
    if (!to) return null;
    const { subject, text } = template.render(template.language(context), context);
    return { to, subject, text };
  }

  @OnQueueFailed()
  onFailed(job: Job<DeliveredEvent>, error: Error): void {
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.failed.inc({ final: String(final) });
    const message = `Mail for event ${job.data.eventId} (${job.data.type}) failed, attempt ${job.attemptsMade}: ${error.message}`;
    if (final) this.logger.error(`${message}; giving up, the job stays in the failed set`);
    else this.logger.warn(message);
  }
}
