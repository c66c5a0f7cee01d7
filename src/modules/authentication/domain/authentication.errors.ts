import { domainError } from '@app/ddd';

export const PasswordPolicyViolationError = domainError('PASSWORD_POLICY_VIOLATION', 'invalid', {
  ja:
    'このパスワードは使用できません。パスワードは半角英数字8〜64文字で、ユーザIDと同じもの、推測されやすいものは使用できません。' +
    '入力モードが全角文字になっていないかも確認してください。',
  en:
    'This password cannot be used. Use 8 to 64 half-width letters and digits, not your user ID and not a ' +
    'commonly used password. Also check that your input mode is not full-width.',
});

export const CsrfRejectedError = domainError('CSRF_REJECTED', 'forbidden', {
  ja: 'このリクエストは受け付けられません。ページを再読み込みしてからもう一度お試しください。',
  en: 'This request was refused because it did not come from an allowed page. Reload the page and try again.',
});

/** One code for both kinds of session: a login session here, a course's session in enrollments. */
export const SessionNotFoundError = domainError('SESSION_NOT_FOUND', 'not_found', {
  ja: '指定されたセッション(ログインセッションまたは講座の開催回)が見つかりません。既に終了している可能性があります。',
  en: 'No such session (login session or course session). It may already have ended.',
});

/** The accounts context answers the same code for an unknown user ID in its own admin endpoints. */

export const LastAdminError = domainError('LAST_ADMIN_ROLE', 'conflict', {
  ja: '最後の管理者から管理者権限を外すことはできません。先に別のアカウントに管理者権限を付与してください。',
  en: 'The last administrator cannot lose the admin role. Grant it to another account first.',
});
