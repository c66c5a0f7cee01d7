import { defineMailTemplate, inJapanTime, stringField } from '../mail/public-api';
import { LookupPasswordIssued } from './domain/recovery.events';

export const RECOVERY_MAIL_TEMPLATES = [
  defineMailTemplate({
    event: LookupPasswordIssued.TYPE,
    ja: (context) => ({
      subject: 'ユーザID照会用パスワードのお知らせ',
      lines: [
        'ユーザID照会のお申込みを受け付けました。照会用パスワードをお知らせします。',
        '',
        `照会用パスワード: ${stringField(context, 'lookupPassword')}`,
        `有効期限: ${inJapanTime(stringField(context, 'expiresAt'), 'ja')}`,
        '',
        'ユーザID照会ページで、このメールアドレスと照会用パスワードを入力すると、このメールアドレスで登録されているユーザIDが表示されます。',
        '照会用パスワードは一度だけ使用できます。5回続けて誤って入力すると無効になりますので、その場合は改めてお申込みください。',
        '照会用パスワードは半角英数字で、大文字と小文字は区別されます。',
        'ユーザID、パスワード両方ともお忘れの場合は、「ユーザID照会」でユーザIDをご確認のうえ、「パスワード再発行」の順にお手続きください。',
        'お心当たりのない場合は、このメールを破棄してください。',
      ],
    }),
    en: (context) => ({
      subject: 'Your user ID lookup password',
      lines: [
        'We received a user ID lookup request. Here is your lookup password.',
        '',
        `Lookup password: ${stringField(context, 'lookupPassword')}`,
        `Valid until: ${inJapanTime(stringField(context, 'expiresAt'), 'en')}`,
        '',
        'Enter this e-mail address and the lookup password on the user ID lookup page to see the user IDs registered with this address.',
        'The lookup password works only once and becomes void after 5 wrong entries; then request a new one.',
        'It uses half-width letters and digits; upper and lower case differ.',
        'If you forgot both your user ID and your password, look up the user ID first, then use "password re-issue".',
        'If you did not ask for this, simply discard this mail.',
      ],
    }),
  }),
];
