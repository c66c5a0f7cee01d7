import type { Language } from './language';

export interface RenderedMail {
  subject: string;
  text: string;
}

export interface MailContext {
  eventId: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
  secrets: Record<string, string>;
}

/**
 * A mail sent in reaction to one event type. `recipient` reads the address from the event so that
 * e.g. an e-mail change notifies the old address recorded at that moment.
 */
export interface MailTemplate {
  eventType: string;
  recipient(context: MailContext): string | null;
  language(context: MailContext): Language;
  render(language: Language, context: MailContext): RenderedMail;
}

export function stringField(context: MailContext, name: string): string {
  const value = context.payload[name] ?? context.secrets[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`mail for event ${context.eventId} needs field "${name}"`);
  }
  return value;
}
