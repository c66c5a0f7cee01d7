import { DomainError, domainError } from '@app/ddd';

export const USER_ID_RULE = { minLength: 6, maxLength: 20, characters: 'A-Z a-z 0-9' } as const;

export const UserIdInvalidError = domainError('USER_ID_INVALID', 'invalid', {
  ja: 'ユーザIDは半角英数字(A〜Z、a〜z、0〜9)6〜20文字で入力してください。',
  en: 'The user ID must be 6 to 20 half-width letters and digits (A-Z, a-z, 0-9).',
});

/**
 * Same code as USER_ID_INVALID, so the portal handles one code, but a message that tells the user
 * what actually went wrong: a Japanese input method left in full-width mode. Not registered as a
 * separate definition, so the OpenAPI list keeps one entry per code.
 */
export class UserIdFullWidthError extends DomainError {
  static readonly code = UserIdInvalidError.code;

  constructor() {
    super(
      {
        code: UserIdInvalidError.code,
        kind: 'invalid',
        message: {
          ja: 'ユーザIDに全角文字が含まれています。入力モードを半角に切り替えて、半角英数字6〜20文字で入力してください。',
          en: 'The user ID contains full-width characters. Switch your input mode to half-width and enter 6 to 20 letters and digits.',
        },
      },
      { hint: 'full_width', rule: USER_ID_RULE },
    );
  }
}

export const UserIdTakenError = domainError('USER_ID_TAKEN', 'conflict', {
  ja: 'このユーザIDは既に使用されています。別のユーザIDを指定してください。',
  en: 'This user ID is already taken. Please choose another user ID.',
});

export const EmailInvalidError = domainError('EMAIL_INVALID', 'invalid', {
  ja: 'E-mailアドレスの形式が正しくありません。半角英数字で正しく入力してください。',
  en: 'The e-mail address is not valid. Please enter it in half-width characters.',
});

export const ProfileInvalidError = domainError('PROFILE_INVALID', 'invalid', {
  ja: 'プロフィールの入力内容に誤りがあります。各項目をご確認ください。',
  en: 'Some profile fields are invalid. Please check each field.',
});

export const TwoFactorNotAvailableAtRegistrationError = domainError(
  'TWO_FACTOR_NOT_AVAILABLE_AT_REGISTRATION',
  'invalid',
  {
    ja: 'ユーザ登録時に二段階認証を有効にすることはできません。登録完了後、マイページのプロフィール変更から二段階認証を「利用する」に変更してください。',
    en: 'Two-factor authentication cannot be turned on at registration. After registering, turn it on from your profile on My Page.',
  },
);

export const AccountTypeImmutableError = domainError('ACCOUNT_TYPE_IMMUTABLE', 'invalid', {
  ja: 'ユーザの種別(個人・法人・グループ)は変更できません。お手数ですが、新たに法人ユーザとしてユーザ登録を行い、既に登録した個人のユーザIDは退会のお申込みから削除してください。',
  en: 'The account type cannot be changed. Please register a new corporate account and withdraw the individual one from My Page.',
});

export const UserIdImmutableError = domainError('USER_ID_IMMUTABLE', 'invalid', {
  ja: 'ユーザIDは変更できません。別のユーザIDをご希望の場合は、新たにユーザ登録を行い、現在のユーザIDは退会のお申込みから削除してください。',
  en: 'The user ID cannot be changed. To use another ID, register a new account and withdraw this one from My Page.',
});

export const CurrentPasswordRequiredError = domainError('CURRENT_PASSWORD_REQUIRED', 'invalid', {
  ja: 'この変更には現在のパスワードの入力が必要です。',
  en: 'Please enter your current password to make this change.',
});

export const CurrentPasswordIncorrectError = domainError(
  'CURRENT_PASSWORD_INCORRECT',
  'unauthenticated',
  {
    ja: '現在のパスワードが正しくありません。',
    en: 'The current password is not correct.',
  },
);

export const AccountNotFoundError = domainError('ACCOUNT_NOT_FOUND', 'not_found', {
  ja: '指定されたユーザIDのアカウントが見つかりません。',
  en: 'No account has this user ID.',
});

export const AccountWithdrawnError = domainError('ACCOUNT_WITHDRAWN', 'conflict', {
  ja: 'このアカウントは既に退会済みです。',
  en: 'This account has already been withdrawn.',
});

export const WithdrawalAlreadyRequestedError = domainError(
  'WITHDRAWAL_ALREADY_REQUESTED',
  'conflict',
  {
    ja: '退会のお申込みは既に受け付けています。手続きの完了までお待ちください。',
    en: 'Your withdrawal request has already been received. Please wait until it is processed.',
  },
);

export const WithdrawalNotRequestedError = domainError('WITHDRAWAL_NOT_REQUESTED', 'conflict', {
  ja: 'このアカウントからは退会のお申込みがありません。',
  en: 'This account has not requested withdrawal.',
});

export const NotAGroupAccountError = domainError('NOT_A_GROUP_ACCOUNT', 'conflict', {
  ja: 'グループユーザではないため、グループ管理者が退会させることはできません。',
  en: 'Only group accounts can be withdrawn by a group administrator.',
});
