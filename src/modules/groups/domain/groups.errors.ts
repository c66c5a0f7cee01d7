import { domainError } from '@app/ddd';

export const NotGroupAdministratorError = domainError('NOT_GROUP_ADMINISTRATOR', 'forbidden', {
  ja: 'この操作はグループ管理者のみ行えます。',
  en: 'Only a group administrator can do this.',
});

export const MemberNotFoundError = domainError('MEMBER_NOT_FOUND', 'not_found', {
  ja: '指定されたユーザIDのメンバーはあなたのグループにいません。',
  en: 'There is no member with this user ID in your group.',
});

export const GroupNotFoundError = domainError('GROUP_NOT_FOUND', 'not_found', {
  ja: '指定されたグループは見つかりません。',
  en: 'The group was not found.',
});

export const LastAdministratorError = domainError('LAST_ADMINISTRATOR', 'conflict', {
  ja: 'グループには管理者が最低1人必要です。先に他のメンバーを管理者にしてください。',
  en: 'A group needs at least one administrator. Make another member an administrator first.',
});

export const CannotWithdrawSelfError = domainError('CANNOT_WITHDRAW_SELF', 'conflict', {
  ja: 'ご自身をこの画面から退会させることはできません。マイページの「退会のお申込み」をご利用ください。',
  en: 'You cannot withdraw yourself here. Please apply for withdrawal from My Page.',
});
