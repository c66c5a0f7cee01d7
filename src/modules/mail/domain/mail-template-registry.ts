import type { MailTemplate } from './mail-template';

/** The mails this service sends, one per event type, as the contexts registered them. */
export class MailTemplateRegistry {
  private readonly templates = new Map<string, MailTemplate>();

  constructor(templates: MailTemplate[] = []) {
    for (const template of templates) this.register(template);
  }

  register(template: MailTemplate): void {
    if (this.templates.has(template.eventType))
      throw new Error(`Two mail templates for event ${template.eventType}`);
    this.templates.set(template.eventType, template);
  }

  find(eventType: string): MailTemplate | undefined {
    return this.templates.get(eventType);
  }

  has(eventType: string): boolean {
    return this.templates.has(eventType);
  }
}
