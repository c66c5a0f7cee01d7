import { MikroOrmModule } from '@mikro-orm/nestjs';
import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { SettingsModule } from '@app/platform';
import { RetryFailedMailHandler } from './application/commands/retry-failed-mail/retry-failed-mail.handler';
import { ListFailedMailsHandler } from './application/queries/list-failed-mails/list-failed-mails.handler';
import { MailTemplateRegistry } from './domain/mail-template-registry';
import type { MailTemplate } from './domain/mail-template';
import { SentMail } from './domain/sent-mail.entity';
import { MailEventsProcessor, MAIL_QUEUE } from './infrastructure/mail-events.processor';
import { MailSender } from './infrastructure/mail-sender';
import { MailSettings } from './infrastructure/mail-settings';

const REGISTERED_TEMPLATES = Symbol('registered-mail-templates');

/** Holds one context's registration; the delivery itself is the one MailModule. */
@Module({})
class ContextMailTemplates {}

/**
 * Delivery of the mails the contexts declare: rendering, footer, language, SMTP and retries. Each
 * context registers its own templates with `MailModule.forTemplates(...)` in its module.
 */
@Module({
  imports: [
    MikroOrmModule.forFeature([SentMail]),
    SettingsModule.forContext(MailSettings),
    BullModule.registerQueueAsync({
      name: MAIL_QUEUE,
      imports: [SettingsModule.forContext(MailSettings)],
      inject: [MailSettings],
      useFactory: (settings: MailSettings) => ({
        defaultJobOptions: {
          attempts: settings.MAIL_MAX_ATTEMPTS,
          backoff: { type: 'exponential', delay: settings.MAIL_BACKOFF_MS },
          removeOnComplete: true,
          removeOnFail: false,
        },
      }),
    }),
  ],
  providers: [
    { provide: MailTemplateRegistry, useFactory: () => new MailTemplateRegistry() },
    MailSender,
    MailEventsProcessor,
    ListFailedMailsHandler,
    RetryFailedMailHandler,
  ],
  exports: [MailTemplateRegistry],
})
export class MailModule {
  static forTemplates(templates: MailTemplate[]): DynamicModule {
    return {
      module: ContextMailTemplates,
      imports: [MailModule],
      providers: [
        {
          provide: REGISTERED_TEMPLATES,
          inject: [MailTemplateRegistry],
          useFactory: (registry: MailTemplateRegistry) => {
            for (const template of templates) registry.register(template);
            return templates;
          },
        },
      ],
    };
  }
}
