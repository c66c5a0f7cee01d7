import { MikroOrmModule } from '@mikro-orm/nestjs';
import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { SettingsModule } from '@app/platform';
import { MailTemplateRegistry } from './domain/mail-template-registry';
import { SentMail } from './domain/sent-mail.entity';
import { MAIL_TEMPLATES } from './domain/templates';
import { MailEventsProcessor, MAIL_QUEUE } from './infrastructure/mail-events.processor';
import { MailSender } from './infrastructure/mail-sender';
import { MailSettings } from './infrastructure/mail-settings';

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
    { provide: MailTemplateRegistry, useFactory: () => new MailTemplateRegistry(MAIL_TEMPLATES) },
    MailSender,
    MailEventsProcessor,
  ],
  exports: [MailTemplateRegistry],
})
export class MailModule {}
