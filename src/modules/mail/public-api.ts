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
export { ListFailedMailsQuery } from './application/queries/list-failed-mails/list-failed-mails.query';
export type { FailedMailView } from './application/queries/list-failed-mails/list-failed-mails.query';
export { RetryFailedMailCommand } from './application/commands/retry-failed-mail/retry-failed-mail.command';
export { FailedMailNotFoundError } from './domain/mail.errors';
