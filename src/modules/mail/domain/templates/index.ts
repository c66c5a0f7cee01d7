import type { MailTemplate } from '../mail-template';
import { ACCOUNTS_MAIL_TEMPLATES } from './accounts.templates';
import { AUTHENTICATION_MAIL_TEMPLATES } from './authentication.templates';
import { GROUPS_MAIL_TEMPLATES } from './groups.templates';
import { RECOVERY_MAIL_TEMPLATES } from './recovery.templates';
import { TWO_FACTOR_MAIL_TEMPLATES } from './two-factor.templates';

/** Every mail the service sends. Each context's mails are added here as the context arrives. */
export const MAIL_TEMPLATES: MailTemplate[] = [
  ...ACCOUNTS_MAIL_TEMPLATES,
  ...TWO_FACTOR_MAIL_TEMPLATES,
  ...AUTHENTICATION_MAIL_TEMPLATES,
  ...RECOVERY_MAIL_TEMPLATES,
  ...GROUPS_MAIL_TEMPLATES,
];
