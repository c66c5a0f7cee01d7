import { resolve } from 'node:path';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { emptyToUndefined, toInt } from '@app/platform';
import { SITE_NAME } from '../domain/mail-layout';

/** How mails leave the service (README, "mail"). */
export class MailSettings {
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_DIR = 'var/mail';

  @Matches(/^.+@.+$/, { message: 'must be an e-mail address, optionally with a display name' })
  MAIL_FROM = `${SITE_NAME.ja} <no-reply@example.jp>`;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  MAIL_BACKOFF_MS = 5000;

  /** Where mails go, for the start-up line: the SMTP server (without credentials) or the folder. */
  get destination(): string {
    if (!this.SMTP_URL) return `${resolve(this.MAIL_DIR)} (.eml files)`;
    const url = new URL(this.SMTP_URL);
    return `${url.protocol}//${url.host}`;
  }
}
