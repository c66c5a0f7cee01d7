import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { MailSettings } from './mail-settings';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Lets the receiving side correlate redeliveries. */
  eventId: string;
}

/**
 * Sends over SMTP when SMTP_URL is set; otherwise renders the same RFC 5322 message into MAIL_DIR as
 * an .eml file, so that someone trying the service locally can read what would have been sent.
 */
@Injectable()
export class MailSender implements OnModuleDestroy {
  private readonly logger = new Logger(MailSender.name);
  private readonly transporter: Transporter;
  private readonly toFiles: boolean;

  constructor(private readonly config: MailSettings) {
    this.toFiles = !config.SMTP_URL;
    this.transporter = config.SMTP_URL
      ? createTransport({
          url: config.SMTP_URL,
          pool: true,
          maxConnections: 4,
          connectionTimeout: 10_000,
          socketTimeout: 20_000,
        } as Parameters<typeof createTransport>[0])
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = (await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: { 'X-Event-Id': mail.eventId },
    })) as { messageId: string; message?: Buffer };
    if (this.toFiles && info.message) {
      const folder = resolve(this.config.MAIL_DIR);
      await mkdir(folder, { recursive: true });
      const file = join(
        folder,
        `${new Date().toISOString().replace(/[:.]/g, '-')}_${mail.eventId}.eml`,
      );
      await writeFile(file, info.message);
      this.logger.log(`Mail to ${mail.to} written to ${file} (no SMTP_URL configured)`);
    }
    return info.messageId;
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
