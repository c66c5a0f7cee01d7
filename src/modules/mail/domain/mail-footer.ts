import type { Language } from './language';

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

export function withFooter(language: Language, body: string): string {
  return `${body}\n${FOOTER[language]}\n`;
}
