import { Command } from '@nestjs/cqrs';
import type { SupportCategory, SupportLanguage } from '../../../domain/support-request-category';

export interface ContactForm {
  category: SupportCategory;
  userId?: string;
  email: string;
  message: string;
  /** From the form's Accept-Language; a linked account's own language wins. */
  language: SupportLanguage;
}

/**
 * The contact form: always records a support request and mails a receipt to the address, linked
 * to the account only when the user ID and the address belong to the same one. The caller learns
 * nothing either way.
 */
export class SubmitContactFormCommand extends Command<void> {
  constructor(
    readonly form: ContactForm,
    readonly clientIp: string | null,
  ) {
    super();
  }
}
