import { defineMailTemplate, inJapanTime, stringField } from '../mail/public-api';
import type { MailContext, MailWording } from '../mail/public-api';
import { PasswordChanged, TemporaryPasswordIssued } from './domain/authentication.events';

const HALF_WIDTH_HINT = {
  ja: 'ユーザIDとパスワードは半角英数字で入力してください(大文字と小文字は区別されます)。',
  en: 'Type the user ID and the password in half-width letters and digits; upper and lower case differ.',
};

const REGISTRATION = {
  ja: (context: MailContext): MailWording => ({
    subject: 'ユーザIDと仮パスワードのお知らせ',
    lines: [
      'お客様のユーザ登録を行いました。ユーザIDと仮パスワードをお知らせします。',
      '',
      `ユーザID: ${stringField(context, 'userId')}`,
      `仮パスワード: ${stringField(context, 'temporaryPassword')}`,
      `仮パスワードの有効期限: ${inJapanTime(stringField(context, 'expiresAt'), 'ja')}`,
      '',
      '初回ログイン時に、新しいパスワードを設定してください。仮パスワードは一度だけ使用できます。',
      HALF_WIDTH_HINT.ja,
      '有効期限を過ぎた場合は、ログインページの「パスワード再発行」から仮パスワードを発行してください。',
    ],
  }),
  en: (context: MailContext): MailWording => ({
    subject: 'Your user ID and temporary password',
    lines: [
      'We have registered you. Here are your user ID and a temporary password.',
      '',
      `User ID: ${stringField(context, 'userId')}`,
      `Temporary password: ${stringField(context, 'temporaryPassword')}`,
      `Valid until: ${inJapanTime(stringField(context, 'expiresAt'), 'en')}`,
      '',
      'Set a new password at your first login. The temporary password works only once.',
      HALF_WIDTH_HINT.en,
      'If it has expired, use "password re-issue" on the login page to get a new one.',
    ],
  }),
};

const REISSUE = {
  ja: (context: MailContext): MailWording => ({
    subject: '仮パスワード発行のお知らせ',
    lines: [
      'パスワード再発行のお申込みを受け付け、仮パスワードを発行しました。',
      '',
      `仮パスワード: ${stringField(context, 'temporaryPassword')}`,
      `有効期限: ${inJapanTime(stringField(context, 'expiresAt'), 'ja')}`,
      '',
      'この仮パスワードでログインし、新しいパスワードを設定してください。仮パスワードは一度だけ使用できます。',
      '現在のパスワードは引き続きご利用いただけます。お心当たりのない場合は、このメールを破棄してください。',
      HALF_WIDTH_HINT.ja,
      'ユーザIDをお忘れの場合は、ログインページの「ユーザID照会」をご利用ください。ユーザID、パスワード両方ともお忘れの場合は、「ユーザID照会」、「パスワード再発行」の順にお手続きください。',
    ],
  }),
  en: (context: MailContext): MailWording => ({
    subject: 'Your temporary password',
    lines: [
      'We received a password re-issue request and issued a temporary password.',
      '',
      `Temporary password: ${stringField(context, 'temporaryPassword')}`,
      `Valid until: ${inJapanTime(stringField(context, 'expiresAt'), 'en')}`,
      '',
      'Log in with it and set a new password. The temporary password works only once.',
      'Your current password keeps working; if you did not ask for this, simply discard this mail.',
      HALF_WIDTH_HINT.en,
      'If you forgot your user ID, use "user ID lookup" on the login page; if you forgot both, do the lookup first, then the re-issue.',
    ],
  }),
};

const isReissue = (context: MailContext) => context.payload.reason === 'reissue';

export const AUTHENTICATION_MAIL_TEMPLATES = [
  defineMailTemplate({
    event: TemporaryPasswordIssued.TYPE,
    ja: (context) => (isReissue(context) ? REISSUE : REGISTRATION).ja(context),
    en: (context) => (isReissue(context) ? REISSUE : REGISTRATION).en(context),
  }),

  defineMailTemplate({
    event: PasswordChanged.TYPE,
    // An account without an e-mail address (none today) gets no notice rather than a failing job.
    recipient: (context) =>
      typeof context.payload.email === 'string' && context.payload.email
        ? context.payload.email
        : null,
    ja: (context) => ({
      subject: 'パスワード変更のお知らせ',
      lines: [
        `ユーザID ${stringField(context, 'userId')} のパスワードが変更されました。`,
        'セキュリティのため、他の端末でのログインはすべて終了しました。',
        '',
        'お心当たりのない場合は、ただちにログインページの「パスワード再発行」からパスワードを再設定し、「お問い合わせフォーム」よりご連絡ください。',
      ],
    }),
    en: (context) => ({
      subject: 'Your password was changed',
      lines: [
        `The password of user ID ${stringField(context, 'userId')} was changed.`,
        'For your security, every other login session has been ended.',
        '',
        'If this was not you, reset your password at once with "password re-issue" on the login page and contact us through the contact form.',
      ],
    }),
  }),
];
