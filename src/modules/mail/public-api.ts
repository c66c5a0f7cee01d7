export { MailTemplateRegistry } from './domain/mail-template-registry';
export type { MailTemplate, MailContext, RenderedMail } from './domain/mail-template';
export { stringField } from './domain/mail-template';
export { withFooter } from './domain/mail-footer';
export type { Language } from './domain/language';
export { languageOf } from './domain/language';
