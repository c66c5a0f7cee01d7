import { defineMailTemplate, stringField } from '../mail/public-api';
import type { MailContext } from '../mail/public-api';
import {
  RecoveryCodeUsed,
  TwoFactorDisabled,
  TwoFactorEnabled,
  TwoFactorEnrolled,
  TwoFactorLocked,
  TwoFactorReset,
  TwoFactorUnlocked,
} from './domain/two-factor.events';

const userId = (context: MailContext) => stringField(context, 'userId');
const byGroupAdmin = (context: MailContext) => context.payload.by === 'group_admin';

const NOT_YOU = {
  ja: 'お心当たりのない場合は、至急「お問い合わせフォーム」よりユーザIDを記載のうえご連絡ください。',
  en: 'If this was not you, please contact us at once through the contact form, stating your user ID.',
};

/** One mail per two-factor event; the recipient and language travel in the payload. */
export const TWO_FACTOR_MAIL_TEMPLATES = [
  defineMailTemplate({
    event: TwoFactorEnabled.TYPE,
    ja: (context) => ({
      subject: '二段階認証の利用を開始しました',
      lines: [
        `ユーザID ${userId(context)} の二段階認証を「利用する」に変更しました` +
          (byGroupAdmin(context) ? '(グループ管理者による設定)。' : '。'),
        '',
        '次回ログイン時にQRコードが表示されますので、「Microsoft Authenticator」もしくは',
        '「Google Authenticator」でQRコードをスキャンし、表示される認証コードを入力してください。',
        '以降のログイン時も認証コードの入力が必要になります。',
        '',
        NOT_YOU.ja,
      ],
    }),
    en: (context) => ({
      subject: 'Two-factor authentication is switched on',
      lines: [
        `Two-factor authentication was switched on for user ID ${userId(context)}` +
          (byGroupAdmin(context) ? ' by your group administrator.' : '.'),
        '',
        'At your next login a QR code is shown: scan it with Microsoft Authenticator or Google Authenticator',
        'and enter the code the app shows. From then on every login asks for a code.',
        '',
        NOT_YOU.en,
      ],
    }),
  }),

  defineMailTemplate({
    event: TwoFactorEnrolled.TYPE,
    ja: (context) => ({
      subject: '二段階認証の設定が完了しました',
      lines: [
        `ユーザID ${userId(context)} の認証アプリの登録が完了しました。`,
        '以降のログインでは、認証アプリに表示される認証コードの入力が必要です。',
        '',
        'ログイン時に表示されたリカバリーコードは、スマートフォンを紛失した場合などに認証コードの代わりに使えます。',
        '安全な場所に保管してください。',
        '',
        NOT_YOU.ja,
      ],
    }),
    en: (context) => ({
      subject: 'Two-factor authentication is set up',
      lines: [
        `The authenticator app for user ID ${userId(context)} is now registered.`,
        'Every login from now on asks for the code shown in the app.',
        '',
        'The recovery codes shown at login replace a code if you lose your phone. Keep them somewhere safe.',
        '',
        NOT_YOU.en,
      ],
    }),
  }),

  defineMailTemplate({
    event: TwoFactorLocked.TYPE,
    ja: (context) => ({
      subject: 'アカウントがロックされました',
      lines: [
        `ユーザID ${userId(context)} のアカウントは、認証コードを続けて間違えたためロックされました。`,
        '',
        'ロックの解除をご希望の場合は、Webサイトの「お問い合わせフォーム」より',
        `ユーザID(${userId(context)})を記載のうえ、アカウントロックの解除をご依頼ください。`,
        '',
        'ご本人による操作でない場合は、第三者がパスワードを知っている可能性があります。',
        'ロック解除後、パスワードを変更してください。',
      ],
    }),
    en: (context) => ({
      subject: 'Your account is locked',
      lines: [
        `The account with user ID ${userId(context)} is locked because a wrong authentication code was entered too many times.`,
        '',
        `To have it unlocked, please use the contact form on our website and state your user ID (${userId(context)}).`,
        '',
        'If this was not you, someone else may know your password: please change it once the account is unlocked.',
      ],
    }),
  }),

  defineMailTemplate({
    event: TwoFactorUnlocked.TYPE,
    ja: (context) => ({
      subject: 'アカウントのロックを解除しました',
      lines: [
        `ご依頼により、ユーザID ${userId(context)} のアカウントロックを解除しました。`,
        'ユーザID・パスワードと認証コードでログインできます。',
        '',
        NOT_YOU.ja,
      ],
    }),
    en: (context) => ({
      subject: 'Your account is unlocked',
      lines: [
        `As requested, the account with user ID ${userId(context)} has been unlocked.`,
        'You can log in with your user ID, password and authentication code.',
        '',
        NOT_YOU.en,
      ],
    }),
  }),

  defineMailTemplate({
    event: TwoFactorReset.TYPE,
    ja: (context) => ({
      subject: '二段階認証をリセットしました',
      lines: [
        `ご依頼により、ユーザID ${userId(context)} の二段階認証の設定をリセットしました。`,
        'これまでの認証アプリの登録とリカバリーコードは使えなくなり、ログイン中の端末はログアウトされました。',
        '',
        '次回ログイン時に新しいQRコードが表示されますので、新しいスマートフォンの認証アプリでスキャンしてください。',
        '',
        NOT_YOU.ja,
      ],
    }),
    en: (context) => ({
      subject: 'Two-factor authentication was reset',
      lines: [
        `As requested, two-factor authentication for user ID ${userId(context)} was reset.`,
        'The old authenticator registration and recovery codes no longer work, and every session was logged out.',
        '',
        'At your next login a new QR code is shown: scan it with the authenticator app on your new phone.',
        '',
        NOT_YOU.en,
      ],
    }),
  }),

  defineMailTemplate({
    event: TwoFactorDisabled.TYPE,
    ja: (context) => ({
      subject: '二段階認証の利用を停止しました',
      lines: [
        `ユーザID ${userId(context)} の二段階認証を「利用しない」に変更しました。`,
        '以降のログインでは認証コードの入力は不要です。認証アプリに残っている登録は削除してかまいません。',
        '',
        NOT_YOU.ja,
      ],
    }),
    en: (context) => ({
      subject: 'Two-factor authentication is switched off',
      lines: [
        `Two-factor authentication was switched off for user ID ${userId(context)}.`,
        'Logins no longer ask for a code; you may delete the entry in your authenticator app.',
        '',
        NOT_YOU.en,
      ],
    }),
  }),

  defineMailTemplate({
    event: RecoveryCodeUsed.TYPE,
    ja: (context) => ({
      subject: 'リカバリーコードが使用されました',
      lines: [
        `ユーザID ${userId(context)} のログインで、認証コードの代わりにリカバリーコードが使用されました。`,
        `未使用のリカバリーコードは残り ${String(context.payload.remaining)} 個です。`,
        'スマートフォンを変更した場合は、マイページで新しいリカバリーコードを発行するか、',
        '「お問い合わせフォーム」より二段階認証のリセットをご依頼ください。',
        '',
        NOT_YOU.ja,
      ],
    }),
    en: (context) => ({
      subject: 'A recovery code was used',
      lines: [
        `A recovery code was used instead of an authentication code to log in as user ID ${userId(context)}.`,
        `${String(context.payload.remaining)} unused recovery codes remain.`,
        'If you changed phones, create new recovery codes on My Page or ask us to reset two-factor through the contact form.',
        '',
        NOT_YOU.en,
      ],
    }),
  }),
];
