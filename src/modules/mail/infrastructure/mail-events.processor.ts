import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue, OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger, OnModuleInit } from '@nestjs/common';
import type { DeliveredEvent } from '@app/platform';
import { OutboxSubscriptions } from '@app/platform';
import type { Job, Queue } from 'bull';
import { MailTemplateRegistry } from '../domain/mail-template-registry';
import type { MailContext } from '../domain/mail-template';
import { SentMail } from '../domain/sent-mail.entity';
import { MailSender } from './mail-sender';

export const MAIL_QUEUE = 'mail';

/**
 * Turns mail-worthy events into mails. Failures are retried with exponential backoff; after the
 * last attempt the job is kept in Bull's failed set (never dropped) and logged as an error.
 */
@Processor(MAIL_QUEUE)
export class MailEventsProcessor implements OnModuleInit {
  private readonly logger = new Logger(MailEventsProcessor.name);

  constructor(
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly templates: MailTemplateRegistry,
    private readonly sender: MailSender,
    private readonly em: EntityManager,
  ) {}

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
    const template = this.templates.find(event.type);
    if (!template) return;
    const em = this.em.fork();
    if (await em.findOne(SentMail, { eventId: event.eventId })) return;

    const context: MailContext = {
      eventId: event.eventId,
      occurredAt: new Date(event.occurredAt),
      payload: event.payload,
      secrets: event.secrets ?? {},
    };
    const to = template.recipient(context);
    if (!to) return;
    const language = template.language(context);
    const { subject, text } = template.render(language, context);
    const messageId = await this.sender.send({ to, subject, text, eventId: event.eventId });
    await em
      .createQueryBuilder(SentMail)
      .insert({
        eventId: event.eventId,
        eventType: event.type,
        recipient: to,
        messageId,
        sentAt: new Date(),
      })
      .onConflict('event_id')
      .ignore()
      .execute();
  }

  @OnQueueFailed()
  onFailed(job: Job<DeliveredEvent>, error: Error): void {
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    const message = `Mail for event ${job.data.eventId} (${job.data.type}) failed, attempt ${job.attemptsMade}: ${error.message}`;
    if (final) this.logger.error(`${message}; giving up, the job stays in the failed set`);
    else this.logger.warn(message);
  }
}
