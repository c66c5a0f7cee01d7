import { domainError } from '@app/ddd';

export const UnauthenticatedError = domainError('UNAUTHENTICATED', 'unauthenticated', {
  ja: 'ログインが必要です。ログインし直してください。',
  en: 'You need to log in. Please log in again.',
});

export const ForbiddenError = domainError('FORBIDDEN', 'forbidden', {
  ja: 'この操作を行う権限がありません。',
  en: 'You are not allowed to do this.',
});

export const PasswordChangeRequiredError = domainError('PASSWORD_CHANGE_REQUIRED', 'forbidden', {
  ja: '仮パスワードでログインしています。先にパスワードを変更してください。',
  en: 'You logged in with a temporary password. Please set a new password first.',
});
