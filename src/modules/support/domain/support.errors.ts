import { domainError } from '@app/ddd';

export const SupportRequestNotFoundError = domainError('SUPPORT_REQUEST_NOT_FOUND', 'not_found', {
  ja: '指定されたお問い合わせが見つかりません。',
  en: 'The support request was not found.',
});

/** A reply or close that lost the race to another staff member's, or came after it. */
export const SupportRequestClosedError = domainError('SUPPORT_REQUEST_CLOSED', 'conflict', {
  ja: 'このお問い合わせは既に対応が完了しています。',
  en: 'This support request has already been closed.',
});

export const SupportRequestTakenError = domainError('SUPPORT_REQUEST_TAKEN', 'conflict', {
  ja: 'このお問い合わせは既に別の担当者が対応中です。',
  en: 'Another staff member is already handling this support request.',
});
