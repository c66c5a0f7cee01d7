export { MailModule } from './mail.module';
export { defineMailTemplate, stringField } from './domain/mail-template';
export type {
  MailContext,
  MailDefinition,
  MailTemplate,
  MailWording,
} from './domain/mail-template';
export { inJapanTime, SITE_NAME } from './domain/mail-layout';
export type { Language } from './domain/language';
export { MailSettings } from './infrastructure/mail-settings';
