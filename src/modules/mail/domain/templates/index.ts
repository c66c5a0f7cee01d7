import type { MailTemplate } from '../mail-template';

/** Every mail the service sends. Each context's mails are added here as the context arrives. */
export const MAIL_TEMPLATES: MailTemplate[] = [];
