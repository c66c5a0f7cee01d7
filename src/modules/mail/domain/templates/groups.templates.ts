import { languageOf } from '../language';
import { withFooter } from '../mail-footer';
import { stringField } from '../mail-template';
import type { MailTemplate } from '../mail-template';

const FIELD_NAMES: Record<string, { ja: string; en: string }> = {
  name: { ja: '氏名', en: 'name' },
  nameKana: { ja: '氏名(カナ)', en: 'name (kana)' },
  phone: { ja: '電話番号', en: 'phone number' },
  language: { ja: '言語', en: 'language' },
};

function changedFields(value: unknown, language: 'ja' | 'en'): string {
  const fields = Array.isArray(value) ? value.map(String) : [];
  return fields
    .map((field) => FIELD_NAMES[field]?.[language] ?? field)
    .join(language === 'ja' ? '、' : ', ');
}

/**
 * Mails for what a group administrator does to a member. Registration (ID and temporary password)
 * is mailed by authentication and the two-factor requirement by two-factor (`two-factor.enabled`
 * with `by: 'group_admin'`), so neither is repeated here.
 */
export const GROUPS_MAIL_TEMPLATES: MailTemplate[] = [
  {
    eventType: 'groups.member-profile-changed',
    recipient: (context) => stringField(context, 'email'),
    language: (context) => languageOf(context.payload.language),
    render: (language, context) => {
      const userId = stringField(context, 'userId');
      const fields = changedFields(context.payload.changedFields, language);
      return language === 'ja'
        ? {
            subject: '【研修ポータル】グループ管理者が登録内容を変更しました',
            text: withFooter(
              language,
              [
                `ユーザID ${userId} の登録内容(${fields})を、グループ管理者が変更しました。`,
                'ログイン後、マイページで内容をご確認ください。',
                'お心当たりのない場合は、グループ管理者にお問い合わせください。',
              ].join('\n'),
            ),
          }
        : {
            subject: '[Training Portal] Your group administrator changed your details',
            text: withFooter(
              language,
              [
                `Your group administrator changed the details (${fields}) of user ID ${userId}.`,
                'Please check them on My Page after logging in.',
                'If you did not expect this, please ask your group administrator.',
              ].join('\n'),
            ),
          };
    },
  },
];
