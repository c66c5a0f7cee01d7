import { domainError } from '@app/ddd';

export const InvalidTwoFactorCodeError = domainError('INVALID_TWO_FACTOR_CODE', 'unauthenticated', {
  ja: '認証コードが正しくありません。認証アプリに表示されている最新のコードを入力してください。',
  en: 'The authentication code is not correct. Please enter the current code shown in your authenticator app.',
});

export const ChallengeExpiredError = domainError('CHALLENGE_EXPIRED', 'unauthenticated', {
  ja: '認証の有効期限が切れました。もう一度ユーザIDとパスワードでログインしてください。',
  en: 'This login step has expired. Please log in again with your user ID and password.',
});

export const AccountLockedError = domainError('ACCOUNT_LOCKED', 'locked', {
  ja:
    '認証コードを続けて間違えたため、アカウントがロックされています。' +
    'Webサイトの「お問い合わせフォーム」よりユーザIDを記載のうえ、アカウントロックの解除をご依頼ください。',
  en:
    'Your account is locked because a wrong authentication code was entered too many times. ' +
    'Please ask for the lock to be lifted through the contact form on our website, stating your user ID.',
});

export const TwoFactorRequiredByGroupError = domainError(
  'TWO_FACTOR_REQUIRED_BY_GROUP',
  'conflict',
  {
    ja: 'グループ管理者が二段階認証の利用を必須にしているため、二段階認証を解除できません。',
    en: 'Your group administrator requires two-factor authentication, so it cannot be switched off.',
  },
);

export const TwoFactorRequiredForStaffError = domainError(
  'TWO_FACTOR_REQUIRED_FOR_STAFF',
  'forbidden',
  {
    ja: 'スタッフのアカウントでは二段階認証を解除できません。',
    en: 'Staff accounts cannot switch off two-factor authentication.',
  },
);

export const TwoFactorCodeRequiredError = domainError('TWO_FACTOR_CODE_REQUIRED', 'invalid', {
  ja: '二段階認証を解除するには、認証アプリに表示されている認証コードも入力してください。',
  en: 'To switch off two-factor authentication, please also enter the code shown in your authenticator app.',
});

export const TwoFactorNotEnrolledError = domainError('TWO_FACTOR_NOT_ENROLLED', 'conflict', {
  ja: '二段階認証の設定(QRコードの登録)がまだ完了していません。',
  en: 'Two-factor authentication has not been set up yet (the QR code was never registered).',
});

export const TwoFactorNotLockedError = domainError('TWO_FACTOR_NOT_LOCKED', 'conflict', {
  ja: 'このアカウントはロックされていません。',
  en: 'This account is not locked.',
});
