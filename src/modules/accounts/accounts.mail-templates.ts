import { defineMailTemplate, stringField } from '../mail/public-api';
import {
  AccountRegistered,
  AccountWithdrawn,
  EmailChanged,
  RenewalRequested,
  WithdrawalRequested,
} from './domain/accounts.events';

/** Enough of the new address for the owner to recognise it, not enough to hand it to a stranger. */
function masked(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

export const ACCOUNTS_MAIL_TEMPLATES = [
  defineMailTemplate({
    event: AccountRegistered.TYPE,
    // Customers registered by staff or a group administrator get the ID and temporary password mail
    // of the authentication context instead of a welcome.
    recipient: (context) =>
      context.payload.registeredBy === 'self' ? stringField(context, 'email') : null,
    ja: (context) => ({
      subject: 'ユーザ登録完了のお知らせ',
      lines: [
        'ユーザ登録が完了しました。',
        '',
        `ユーザID: ${stringField(context, 'userId')}`,
        '',
        'ログインの際は、ユーザIDとご登録いただいたパスワードを半角英数字で入力してください(大文字と小文字は区別されます)。',
        '二段階認証は、ログイン後にマイページのプロフィール変更から「利用する」に変更できます。',
      ],
    }),
    en: (context) => ({
      subject: 'Your registration is complete',
      lines: [
        'Your registration is complete.',
        '',
        `User ID: ${stringField(context, 'userId')}`,
        '',
        'Log in with your user ID and password (half-width letters and digits; upper and lower case differ).',
        'You can turn on two-factor authentication from your profile on My Page after logging in.',
      ],
    }),
  }),

  defineMailTemplate({
    event: EmailChanged.TYPE,
    ja: (context) => ({
      subject: 'E-mailアドレス変更のお知らせ',
      lines: [
        `ユーザID「${stringField(context, 'userId')}」のご登録E-mailアドレスが変更されました。`,
        `新しいアドレス: ${masked(stringField(context, 'newEmail'))}`,
        '',
        '今後のお知らせは新しいアドレスにお送りします。このメールは変更前のアドレスにお送りしています。',
        'お心当たりのない場合は、至急「お問い合わせフォーム」よりご連絡ください。',
      ],
    }),
    en: (context) => ({
      subject: 'Your e-mail address was changed',
      lines: [
        `The e-mail address registered for user ID "${stringField(context, 'userId')}" was changed.`,
        `New address: ${masked(stringField(context, 'newEmail'))}`,
        '',
        'We will write to the new address from now on; this notice goes to the previous one.',
        'If you did not make this change, please contact us at once through the contact form.',
      ],
    }),
  }),

  defineMailTemplate({
    event: WithdrawalRequested.TYPE,
    ja: (context) => ({
      subject: '退会のお申込みを受け付けました',
      lines: [
        `ユーザID「${stringField(context, 'userId')}」の退会(ユーザIDの削除)のお申込みを受け付けました。`,
        '当社にて手続きが完了しましたら、あらためてメールでお知らせいたします。',
        '',
        '退会後に当社の講習会・eラーニング・教材をお申込みになる場合は、再度ユーザ登録が必要となります。',
      ],
    }),
    en: (context) => ({
      subject: 'We received your withdrawal request',
      lines: [
        `We received the request to withdraw user ID "${stringField(context, 'userId')}".`,
        'We will let you know by e-mail once it has been processed.',
        '',
        'To book courses, e-learning or materials after withdrawing, you will need to register again.',
      ],
    }),
  }),

  defineMailTemplate({
    event: AccountWithdrawn.TYPE,
    ja: (context) => ({
      subject: '退会手続き完了のお知らせ',
      lines: [
        `ユーザID「${stringField(context, 'userId')}」の退会手続きが完了しました。ご登録いただいた個人情報は削除いたしました。`,
        'これまでのご利用、誠にありがとうございました。',
        '',
        '今後、当社の講習会・eラーニング・教材をお申込みになる場合は、再度ユーザ登録を行ってください。',
      ],
    }),
    en: (context) => ({
      subject: 'Your withdrawal is complete',
      lines: [
        `User ID "${stringField(context, 'userId')}" has been withdrawn and your personal data has been deleted.`,
        'Thank you for using our services.',
        '',
        'To book courses, e-learning or materials in the future, please register again.',
      ],
    }),
  }),

  defineMailTemplate({
    event: RenewalRequested.TYPE,
    ja: (context) => ({
      subject: 'ご登録内容の更新のお願い',
      lines: [
        `ユーザID「${stringField(context, 'userId')}」のご登録内容の更新(ご確認)をお願いいたします。`,
        '次回ログイン時に、マイページでご登録内容をご確認のうえ、変更がある場合はプロフィール変更から更新してください。',
      ],
    }),
    en: (context) => ({
      subject: 'Please renew your registration',
      lines: [
        `Please review the registration of user ID "${stringField(context, 'userId')}".`,
        'At your next login, check your details on My Page and update your profile if anything has changed.',
      ],
    }),
  }),
];
