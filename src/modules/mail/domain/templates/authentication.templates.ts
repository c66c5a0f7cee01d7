import { languageOf } from '../language';
import type { Language } from '../language';
import { withFooter } from '../mail-footer';
import { stringField } from '../mail-template';
import type { MailContext, MailTemplate } from '../mail-template';

const jaSubject = (text: string) => `【研修ポータル】${text}`;
const enSubject = (text: string) => `[Training Portal] ${text}`;

/** Expiry in Japan time, which is what the customers read. */
function expiry(context: MailContext, language: Language): string {
  const date = new Date(stringField(context, 'expiresAt'));
  const formatted = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(date);
  return language === 'ja' ? `${formatted}(日本時間)` : `${formatted} (Japan time)`;
}

const HALF_WIDTH_HINT = {
  ja: 'ユーザIDとパスワードは半角英数字で入力してください(大文字と小文字は区別されます)。',
  en: 'Type the user ID and the password in half-width letters and digits; upper and lower case differ.',
};

function registrationMail(language: Language, context: MailContext) {
  const userId = stringField(context, 'userId');
  const temporaryPassword = stringField(context, 'temporaryPassword');
  return language === 'ja'
    ? {
        subject: jaSubject('ユーザIDと仮パスワードのお知らせ'),
        text: withFooter(
          language,
          [
            'お客様のユーザ登録を行いました。ユーザIDと仮パスワードをお知らせします。',
            '',
            `ユーザID: ${userId}`,
            `仮パスワード: ${temporaryPassword}`,
            `仮パスワードの有効期限: ${expiry(context, language)}`,
            '',
            '初回ログイン時に、新しいパスワードを設定してください。仮パスワードは一度だけ使用できます。',
            HALF_WIDTH_HINT.ja,
            '有効期限を過ぎた場合は、ログインページの「パスワード再発行」から仮パスワードを発行してください。',
          ].join('\n'),
        ),
      }
    : {
        subject: enSubject('Your user ID and temporary password'),
        text: withFooter(
          language,
          [
            'We have registered you. Here are your user ID and a temporary password.',
            '',
            `User ID: ${userId}`,
            `Temporary password: ${temporaryPassword}`,
            `Valid until: ${expiry(context, language)}`,
            '',
            'Set a new password at your first login. The temporary password works only once.',
            HALF_WIDTH_HINT.en,
            'If it has expired, use "password re-issue" on the login page to get a new one.',
          ].join('\n'),
        ),
      };
}

function reissueMail(language: Language, context: MailContext) {
  const temporaryPassword = stringField(context, 'temporaryPassword');
  return language === 'ja'
    ? {
        subject: jaSubject('仮パスワード発行のお知らせ'),
        text: withFooter(
          language,
          [
            'パスワード再発行のお申込みを受け付け、仮パスワードを発行しました。',
            '',
            `仮パスワード: ${temporaryPassword}`,
            `有効期限: ${expiry(context, language)}`,
            '',
            'この仮パスワードでログインし、新しいパスワードを設定してください。仮パスワードは一度だけ使用できます。',
            '現在のパスワードは引き続きご利用いただけます。お心当たりのない場合は、このメールを破棄してください。',
            HALF_WIDTH_HINT.ja,
            'ユーザIDをお忘れの場合は、ログインページの「ユーザID照会」をご利用ください。ユーザID、パスワード両方ともお忘れの場合は、「ユーザID照会」、「パスワード再発行」の順にお手続きください。',
          ].join('\n'),
        ),
      }
    : {
        subject: enSubject('Your temporary password'),
        text: withFooter(
          language,
          [
            'We received a password re-issue request and issued a temporary password.',
            '',
            `Temporary password: ${temporaryPassword}`,
            `Valid until: ${expiry(context, language)}`,
            '',
            'Log in with it and set a new password. The temporary password works only once.',
            'Your current password keeps working; if you did not ask for this, simply discard this mail.',
            HALF_WIDTH_HINT.en,
            'If you forgot your user ID, use "user ID lookup" on the login page; if you forgot both, do the lookup first, then the re-issue.',
          ].join('\n'),
        ),
      };
}

export const AUTHENTICATION_MAIL_TEMPLATES: MailTemplate[] = [
  {
    eventType: 'authentication.temporary-password-issued',
    recipient: (context) => stringField(context, 'email'),
    language: (context) => languageOf(context.payload.language),
    render: (language, context) =>
      context.payload.reason === 'reissue'
        ? reissueMail(language, context)
        : registrationMail(language, context),
  },
  {
    eventType: 'authentication.password-changed',
    // An account without an e-mail address (none today) gets no notice rather than a failing job.
    recipient: (context) =>
      typeof context.payload.email === 'string' && context.payload.email
        ? context.payload.email
        : null,
    language: (context) => languageOf(context.payload.language),
    render: (language, context) => {
      const userId = stringField(context, 'userId');
      return language === 'ja'
        ? {
            subject: jaSubject('パスワード変更のお知らせ'),
            text: withFooter(
              language,
              [
                `ユーザID ${userId} のパスワードが変更されました。`,
                'セキュリティのため、他の端末でのログインはすべて終了しました。',
                '',
                'お心当たりのない場合は、ただちにログインページの「パスワード再発行」からパスワードを再設定し、「お問い合わせフォーム」よりご連絡ください。',
              ].join('\n'),
            ),
          }
        : {
            subject: enSubject('Your password was changed'),
            text: withFooter(
              language,
              [
                `The password of user ID ${userId} was changed.`,
                'For your security, every other login session has been ended.',
                '',
                'If this was not you, reset your password at once with "password re-issue" on the login page and contact us through the contact form.',
              ].join('\n'),
            ),
          };
    },
  },
];
