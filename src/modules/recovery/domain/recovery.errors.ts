import { domainError } from '@app/ddd';

/** One answer for an unknown address, a wrong, expired, used or voided lookup password alike. */
export const InvalidLookupPasswordError = domainError(
  'INVALID_LOOKUP_PASSWORD',
  'unauthenticated',
  {
    ja:
      'メールアドレスまたは照会用パスワードに誤りがあるか、照会用パスワードの有効期限が切れています。' +
      '照会用パスワードは半角英数字で、大文字と小文字は区別されます。' +
      '解決しない場合は、「ユーザID照会」から照会用パスワードを再度発行してください。',
    en:
      'The e-mail address or the lookup password is wrong, or the lookup password has expired. It uses ' +
      'half-width letters and digits, and upper and lower case differ. If this persists, request a new ' +
      'lookup password from "user ID lookup".',
  },
);
