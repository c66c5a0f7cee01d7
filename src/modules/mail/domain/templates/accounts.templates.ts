import { languageOf } from '../language';
import type { Language } from '../language';
import { withFooter } from '../mail-footer';
import { stringField } from '../mail-template';
import type { MailContext, MailTemplate, RenderedMail } from '../mail-template';

const SITE = { ja: '研修ポータル', en: 'Training Portal' } as const;

function mail(
  eventType: string,
  render: (language: Language, context: MailContext) => RenderedMail,
  sendIf: (context: MailContext) => boolean = () => true,
): MailTemplate {
  return {
    eventType,
    recipient: (context) => (sendIf(context) ? stringField(context, 'email') : null),
    language: (context) => languageOf(context.payload.language),
    render,
  };
}

const jaSubject = (text: string) => `【${SITE.ja}】${text}`;
const enSubject = (text: string) => `[${SITE.en}] ${text}`;

/** Enough of the new address for the owner to recognise it, not enough to hand it to a stranger. */
function masked(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

export const ACCOUNTS_MAIL_TEMPLATES: MailTemplate[] = [
  // Customers registered by staff or a group administrator get the ID and temporary password mail
  // of the authentication context instead of a welcome.
  mail(
    'accounts.account-registered',
    (language, context) => {
      const userId = stringField(context, 'userId');
      return language === 'ja'
        ? {
            subject: jaSubject('ユーザ登録完了のお知らせ'),
            text: withFooter(
              language,
              [
                'ユーザ登録が完了しました。',
                '',
                `ユーザID: ${userId}`,
                '',
                'ログインの際は、ユーザIDとご登録いただいたパスワードを半角英数字で入力してください(大文字と小文字は区別されます)。',
                '二段階認証は、ログイン後にマイページのプロフィール変更から「利用する」に変更できます。',
              ].join('\n'),
            ),
          }
        : {
            subject: enSubject('Your registration is complete'),
            text: withFooter(
              language,
              [
                'Your registration is complete.',
                '',
                `User ID: ${userId}`,
                '',
                'Log in with your user ID and password (half-width letters and digits; upper and lower case differ).',
                'You can turn on two-factor authentication from your profile on My Page after logging in.',
              ].join('\n'),
            ),
          };
    },
    (context) => context.payload.registeredBy === 'self',
  ),

  mail('accounts.email-changed', (language, context) => {
    const userId = stringField(context, 'userId');
    const newEmail = masked(stringField(context, 'newEmail'));
    return language === 'ja'
      ? {
          subject: jaSubject('E-mailアドレス変更のお知らせ'),
          text: withFooter(
            language,
            [
              `ユーザID「${userId}」のご登録E-mailアドレスが変更されました。`,
              `新しいアドレス: ${newEmail}`,
              '',
              '今後のお知らせは新しいアドレスにお送りします。このメールは変更前のアドレスにお送りしています。',
              'お心当たりのない場合は、至急「お問い合わせフォーム」よりご連絡ください。',
            ].join('\n'),
          ),
        }
      : {
          subject: enSubject('Your e-mail address was changed'),
          text: withFooter(
            language,
            [
              `The e-mail address registered for user ID "${userId}" was changed.`,
              `New address: ${newEmail}`,
              '',
              'We will write to the new address from now on; this notice goes to the previous one.',
              'If you did not make this change, please contact us at once through the contact form.',
            ].join('\n'),
          ),
        };
  }),

  mail('accounts.withdrawal-requested', (language, context) => {
    const userId = stringField(context, 'userId');
    return language === 'ja'
      ? {
          subject: jaSubject('退会のお申込みを受け付けました'),
          text: withFooter(
            language,
            [
              `ユーザID「${userId}」の退会(ユーザIDの削除)のお申込みを受け付けました。`,
              '当社にて手続きが完了しましたら、あらためてメールでお知らせいたします。',
              '',
              '退会後に当社の講習会・eラーニング・教材をお申込みになる場合は、再度ユーザ登録が必要となります。',
            ].join('\n'),
          ),
        }
      : {
          subject: enSubject('We received your withdrawal request'),
          text: withFooter(
            language,
            [
              `We received the request to withdraw user ID "${userId}".`,
              'We will let you know by e-mail once it has been processed.',
              '',
              'To book courses, e-learning or materials after withdrawing, you will need to register again.',
            ].join('\n'),
          ),
        };
  }),

  mail('accounts.account-withdrawn', (language, context) => {
    const userId = stringField(context, 'userId');
    return language === 'ja'
      ? {
          subject: jaSubject('退会手続き完了のお知らせ'),
          text: withFooter(
            language,
            [
              `ユーザID「${userId}」の退会手続きが完了しました。ご登録いただいた個人情報は削除いたしました。`,
              'これまでのご利用、誠にありがとうございました。',
              '',
              '今後、当社の講習会・eラーニング・教材をお申込みになる場合は、再度ユーザ登録を行ってください。',
            ].join('\n'),
          ),
        }
      : {
          subject: enSubject('Your withdrawal is complete'),
          text: withFooter(
            language,
            [
              `User ID "${userId}" has been withdrawn and your personal data has been deleted.`,
              'Thank you for using our services.',
              '',
              'To book courses, e-learning or materials in the future, please register again.',
            ].join('\n'),
          ),
        };
  }),

  mail('accounts.renewal-requested', (language, context) => {
    const userId = stringField(context, 'userId');
    return language === 'ja'
      ? {
          subject: jaSubject('ご登録内容の更新のお願い'),
          text: withFooter(
            language,
            [
              `ユーザID「${userId}」のご登録内容の更新(ご確認)をお願いいたします。`,
              '次回ログイン時に、マイページでご登録内容をご確認のうえ、変更がある場合はプロフィール変更から更新してください。',
            ].join('\n'),
          ),
        }
      : {
          subject: enSubject('Please renew your registration'),
          text: withFooter(
            language,
            [
              `Please review the registration of user ID "${userId}".`,
              'At your next login, check your details on My Page and update your profile if anything has changed.',
            ].join('\n'),
          ),
        };
  }),
];
