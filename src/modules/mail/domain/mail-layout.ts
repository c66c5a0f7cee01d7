import type { Language } from './language';

/** The one place the site's name is written, for every mail's subject and sender. */
export const SITE_NAME: Record<Language, string> = { ja: '研修ポータル', en: 'Training Portal' };

const FOOTER: Record<Language, string> = {
  ja: [
    '',
    '――――――――――――――――――――',
    '本メールは送信専用アドレスからお送りしています。ご返信いただいてもお答えできません。',
    'お心当たりのない場合やご不明な点は、Webサイトの「お問い合わせフォーム」よりご連絡ください。',
  ].join('\n'),
  en: [
    '',
    '--------------------',
    'This message was sent from an address that cannot receive replies.',
    'If you did not expect it, please contact us through the contact form on our website.',
  ].join('\n'),
};

export function subjectLine(language: Language, subject: string): string {
  return language === 'ja' ? `【${SITE_NAME.ja}】${subject}` : `[${SITE_NAME.en}] ${subject}`;
}

export function withFooter(language: Language, body: string): string {
  return `${body}\n${FOOTER[language]}\n`;
}

/** A moment as the customers read it: in Japan time, in the mail's language. */
export function inJapanTime(moment: string, language: Language): string {
  const formatted = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(moment));
  return language === 'ja' ? `${formatted}(日本時間)` : `${formatted} (Japan time)`;
}
