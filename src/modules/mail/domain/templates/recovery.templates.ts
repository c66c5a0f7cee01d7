import { languageOf } from '../language';
import type { Language } from '../language';
import { withFooter } from '../mail-footer';
import { stringField } from '../mail-template';
import type { MailContext, MailTemplate } from '../mail-template';

/** Expiry in Japan time, which is what the customers read. */
function expiry(context: MailContext, language: Language): string {
  const formatted = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(stringField(context, 'expiresAt')));
  return language === 'ja' ? `${formatted}(日本時間)` : `${formatted} (Japan time)`;
}

function lookupPasswordMail(language: Language, context: MailContext) {
  const lookupPassword = stringField(context, 'lookupPassword');
  return language === 'ja'
    ? {
        subject: '【研修ポータル】ユーザID照会用パスワードのお知らせ',
        text: withFooter(
          language,
          [
            'ユーザID照会のお申込みを受け付けました。照会用パスワードをお知らせします。',
            '',
            `照会用パスワード: ${lookupPassword}`,
            `有効期限: ${expiry(context, language)}`,
            '',
            'ユーザID照会ページで、このメールアドレスと照会用パスワードを入力すると、このメールアドレスで登録されているユーザIDが表示されます。',
            '照会用パスワードは一度だけ使用できます。5回続けて誤って入力すると無効になりますので、その場合は改めてお申込みください。',
            '照会用パスワードは半角英数字で、大文字と小文字は区別されます。',
            'ユーザID、パスワード両方ともお忘れの場合は、「ユーザID照会」でユーザIDをご確認のうえ、「パスワード再発行」の順にお手続きください。',
            'お心当たりのない場合は、このメールを破棄してください。',
          ].join('\n'),
        ),
      }
    : {
        subject: '[Training Portal] Your user ID lookup password',
        text: withFooter(
          language,
          [
            'We received a user ID lookup request. Here is your lookup password.',
            '',
            `Lookup password: ${lookupPassword}`,
            `Valid until: ${expiry(context, language)}`,
            '',
            'Enter this e-mail address and the lookup password on the user ID lookup page to see the user IDs registered with this address.',
            'The lookup password works only once and becomes void after 5 wrong entries; then request a new one.',
            'It uses half-width letters and digits; upper and lower case differ.',
            'If you forgot both your user ID and your password, look up the user ID first, then use "password re-issue".',
            'If you did not ask for this, simply discard this mail.',
          ].join('\n'),
        ),
      };
}

export const RECOVERY_MAIL_TEMPLATES: MailTemplate[] = [
  {
    eventType: 'recovery.lookup-password-issued',
    recipient: (context) => stringField(context, 'email'),
    language: (context) => languageOf(context.payload.language),
    render: lookupPasswordMail,
  },
];
