import { defineMailTemplate, stringField } from '../mail/public-api';
import type { Language, MailContext } from '../mail/public-api';
import { MemberProfileChanged } from './domain/groups.events';

const FIELD_NAMES: Record<string, { ja: string; en: string }> = {
  name: { ja: '氏名', en: 'name' },
  nameKana: { ja: '氏名(カナ)', en: 'name (kana)' },
  phone: { ja: '電話番号', en: 'phone number' },
  language: { ja: '言語', en: 'language' },
};

function changedFields(context: MailContext, language: Language): string {
  const value = context.payload.changedFields;
  const fields = Array.isArray(value) ? value.map(String) : [];
  return fields
    .map((field) => FIELD_NAMES[field]?.[language] ?? field)
    .join(language === 'ja' ? '、' : ', ');
}

/**
 * Mails for what a group administrator does to a member. Registration (ID and temporary password)
 * is mailed by authentication and the two-factor requirement by two-factor (`TwoFactorEnabled`
 * with `by: 'group_admin'`), so neither is repeated here.
 */
export const GROUPS_MAIL_TEMPLATES = [
  defineMailTemplate({
    event: MemberProfileChanged.TYPE,
    ja: (context) => ({
      subject: 'グループ管理者が登録内容を変更しました',
      lines: [
        `ユーザID ${stringField(context, 'userId')} の登録内容(${changedFields(context, 'ja')})を、グループ管理者が変更しました。`,
        'ログイン後、マイページで内容をご確認ください。',
        'お心当たりのない場合は、グループ管理者にお問い合わせください。',
      ],
    }),
    en: (context) => ({
      subject: 'Your group administrator changed your details',
      lines: [
        `Your group administrator changed the details (${changedFields(context, 'en')}) of user ID ${stringField(context, 'userId')}.`,
        'Please check them on My Page after logging in.',
        'If you did not expect this, please ask your group administrator.',
      ],
    }),
  }),
];
