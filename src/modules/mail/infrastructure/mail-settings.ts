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
}
