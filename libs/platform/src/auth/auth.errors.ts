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

/**
 * One answer for every failed password step, whatever went wrong, carrying the FAQ's hints so that a
 * user who typed in full-width mode or with Caps Lock finds the way without learning which field
 * was wrong (or whether the ID exists). The same
 * answer refuses a wrong password where a signed-in user confirms a change with it (two-factor).
 */
export const InvalidCredentialsError = domainError('INVALID_CREDENTIALS', 'unauthenticated', {
  ja:
    'ユーザIDまたはパスワードに誤りがある可能性があります。ユーザIDおよびパスワードに使用できる文字は半角英数字のみです。' +
    '入力モードが全角文字になっていないか確認してください。また、アルファベットの大文字と小文字は区別されます。' +
    'それでもログインできない場合は、ログインページの「パスワード再発行」または「ユーザID照会」をご利用ください。',
  en:
    'The user ID or the password may be wrong. Both use half-width letters and digits only: check that your ' +
    'input mode is not full-width, and note that upper and lower case are different. If you still cannot ' +
    'log in, use "password re-issue" or "user ID lookup" on the login page.',
});
