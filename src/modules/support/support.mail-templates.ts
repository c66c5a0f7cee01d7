import { defineMailTemplate, stringField } from '../mail/public-api';
import type { MailContext } from '../mail/public-api';
import { SupportRequestAnswered, SupportRequestReceived } from './domain/support.events';

const requestNumber = (context: MailContext) => stringField(context, 'requestNumber');

const CATEGORY = {
  ja: {
    two_factor_locked: 'アカウントロック(認証コードの誤り)',
    two_factor_reset: '機種変更(二段階認証の再設定)',
    cannot_log_in: 'ログインできない',
    withdrawal: '退会',
    other: 'その他',
  },
  en: {
    two_factor_locked: 'Account locked (wrong codes)',
    two_factor_reset: 'New phone (two-factor reset)',
    cannot_log_in: 'Cannot log in',
    withdrawal: 'Withdrawal',
    other: 'Other',
  },
} as const;

const category = (language: 'ja' | 'en', context: MailContext): string =>
  (CATEGORY[language] as Record<string, string>)[stringField(context, 'category')] ??
  CATEGORY[language].other;

/**
 * The receipt never repeats the message: the form needs no login, and an echo would let anyone
 * send their text to any address under the company's name.
 */
export const SUPPORT_MAIL_TEMPLATES = [
  defineMailTemplate({
    event: SupportRequestReceived.TYPE,
    ja: (context) => ({
      subject: 'お問い合わせを受け付けました',
      lines: [
        'お問い合わせいただき、ありがとうございます。以下の内容で受け付けました。',
        '',
        `受付番号: ${requestNumber(context)}`,
        `お問い合わせ種別: ${category('ja', context)}`,
        '',
        '担当者より順次ご連絡いたします。お問い合わせの際は受付番号をお知らせください。',
        'お心当たりのない場合は、このメールを破棄してください。',
      ],
    }),
    en: (context) => ({
      subject: 'We received your enquiry',
      lines: [
        'Thank you for contacting us. We received your enquiry:',
        '',
        `Request number: ${requestNumber(context)}`,
        `Category: ${category('en', context)}`,
        '',
        'A member of our support team will reply. Please quote the request number when you contact us.',
        'If you did not write to us, please ignore this mail.',
      ],
    }),
  }),
  defineMailTemplate({
    event: SupportRequestAnswered.TYPE,
    ja: (context) => ({
      subject: `お問い合わせへの回答(受付番号 ${requestNumber(context)})`,
      lines: [stringField(context, 'reply')],
    }),
    en: (context) => ({
      subject: `Reply to your enquiry (request ${requestNumber(context)})`,
      lines: [stringField(context, 'reply')],
    }),
  }),
];
