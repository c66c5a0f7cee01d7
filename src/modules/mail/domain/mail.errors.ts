import { domainError } from '@app/ddd';

export const FailedMailNotFoundError = domainError('FAILED_MAIL_NOT_FOUND', 'not_found', {
  ja: '指定された送信失敗メールが見つかりません(既に再送された可能性があります)。',
  en: 'No failed mail with this ID (it may have been retried already).',
});
