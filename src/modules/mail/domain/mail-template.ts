import { languageOf } from './language';
import type { Language } from './language';
import { subjectLine, withFooter } from './mail-layout';

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

/** What a context writes in one language: the subject after the site's name, and the body's lines. */
export interface MailWording {
  subject: string;
  lines: string[];
}

/** A context's mail for one of its events, in Japanese and English. */
export interface MailDefinition {
  /** The type of the event that sends it, as the event class declares it. */
  event: string;
  /** By default the event's `email`; null sends nothing for this occurrence. */
  recipient?: (context: MailContext) => string | null;
  ja: (context: MailContext) => MailWording;
  en: (context: MailContext) => MailWording;
}

/**
 * The one way to declare a mail. The mail module adds what every mail shares: the language chosen
 * from the event's `language`, the site's name before the subject, and the footer.
 */
export function defineMailTemplate(definition: MailDefinition): MailTemplate {
  return {
    eventType: definition.event,
    recipient: definition.recipient ?? ((context) => stringField(context, 'email')),
    language: (context) => languageOf(context.payload.language),
    render: (language, context) => {
      const { subject, lines } = definition[language](context);
      return {
        subject: subjectLine(language, subject),
        text: withFooter(language, lines.join('\n')),
      };
    },
  };
}

export function stringField(context: MailContext, name: string): string {
  const value = context.payload[name] ?? context.secrets[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`mail for event ${context.eventId} needs field "${name}"`);
  }
  return value;
}
