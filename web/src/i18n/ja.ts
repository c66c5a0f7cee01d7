/** The Japanese catalogue: the portal's first language. Keys name the meaning, not the page. */
export const ja = {
  'app.title': '研修ポータル アカウント',
  'app.skipToContent': '本文へ移動',
  'app.languageSwitch': 'English',
  'app.languageSwitchLabel': 'Switch to English',
  'app.footer': '研修ポータル',
  'app.loading': '読み込み中…',
  'app.notFound': 'お探しのページは見つかりませんでした。',
  'app.toLogin': 'ログインページへ',

  'app.notFoundTitle': 'ページが見つかりません',
  'contact.title': 'お問い合わせフォーム',
  'contact.text':
    'アカウントのロック解除、スマートフォンの機種変更などは、ユーザIDを記載のうえ、このお問い合わせフォームからご依頼ください。(このページは準備中です。)',
  'contact.link': 'お問い合わせフォームへ',

  'form.required': '必須',
  'form.optional': '任意',
  'form.errorSummary': '入力内容をご確認ください。',
  'form.fullWidthHint':
    '全角文字が入力されています。入力モードを半角に切り替えてください(半角英数字のみ使用できます)。',

  'login.title': 'ログイン',
  'login.userId': 'ユーザID',
  'login.password': 'パスワード',
  'login.submit': 'ログイン',
  'login.rules':
    'ユーザID・パスワードは半角英数字です。アルファベットの大文字と小文字は区別されます。',
  'login.failedHints':
    '入力したユーザID、またはパスワードに誤りがある可能性があります。使用できる文字は半角英数字のみです。入力モードが全角文字になっていないか、アルファベットの大文字と小文字を間違えていないかをご確認ください。',
  'login.forgotten': 'ログインできない場合',
  'login.forgotUserId': 'ユーザIDをお忘れの方(ユーザID照会)',
  'login.forgotPassword': 'パスワードをお忘れの方(パスワード再発行)',
  'login.forgotBoth':
    'ユーザID・パスワードの両方をお忘れの方は、「ユーザID照会」、「パスワード再発行」の順でご確認ください。',
  'login.register': 'はじめての方はユーザ登録',
  'login.cooldown':
    'ログインの失敗が続いたため、しばらくの間ログインできません。時間をおいてからもう一度お試しください。パスワードをお忘れの方は「パスワード再発行」をご利用ください。',

  'code.title': '認証コードの入力',
  'code.intro':
    '認証アプリ(Microsoft Authenticator または Google Authenticator)に表示されている6桁の認証コードを入力してください。',
  'code.label': '認証コード',
  'code.recoveryHint':
    'スマートフォンが手元にない場合は、保存しておいたリカバリーコードも入力できます。',
  'code.submit': '認証する',
  'code.restart': 'ユーザIDとパスワードの入力に戻る',

  'enroll.title': '二段階認証の設定',
  'enroll.intro':
    '二段階認証が「利用する」に設定されています。スマートフォンの認証アプリでQRコードをスキャンし、表示される認証コードを入力してください。',
  'enroll.apps': '利用できるアプリ: Microsoft Authenticator、Google Authenticator',
  'enroll.qrAlt': '認証アプリに登録するためのQRコード',
  'enroll.manual': 'QRコードを読み取れない場合は、アプリに次のキーを手入力してください。',
  'enroll.secret': 'キー',
  'enroll.codeLabel': '認証アプリに表示された認証コード(6桁)',
  'enroll.submit': '設定を完了する',

  'recoveryCodes.title': 'リカバリーコード',
  'recoveryCodes.intro':
    'スマートフォンをなくしたときなど、認証コードの代わりに使えるコードです。各コードは1回だけ使えます。このコードは今回しか表示されません。印刷するか、安全な場所に保存してください。',
  'recoveryCodes.listLabel': 'リカバリーコードの一覧',
  'recoveryCodes.saved': 'リカバリーコードを保存しました',
  'recoveryCodes.continue': 'マイページへ進む',

  'passwordChange.title': 'パスワードの変更',
  'passwordChange.intro':
    '仮パスワードでログインしました。続けるには新しいパスワードを設定してください。',
  'passwordChange.new': '新しいパスワード',
  'passwordChange.confirm': '新しいパスワード(確認)',
  'passwordChange.mismatch': '確認用のパスワードが一致しません。',
  'passwordChange.submit': 'パスワードを変更する',

  'renewal.title': '登録内容の更新',
  'renewal.intro':
    'サービスの見直しに伴い、登録内容の更新手続きをお願いしております。登録内容をご確認のうえ、「確認しました」を押してください。',
  'renewal.confirm': '確認しました',

  'register.title': 'ユーザ登録',
  'register.typeLegend': 'ユーザの種別',
  'register.typeNote':
    '種別(個人・法人・グループ)は登録後に変更できません。法人として利用する場合は、法人ユーザとして登録してください。',
  'register.type.individual': '個人',
  'register.type.corporate': '法人',
  'register.type.group': 'グループ',
  'register.type.individual.description': 'ご自身で受講を申し込む方',
  'register.type.corporate.description': '会社として社員の受講を申し込む方',
  'register.type.group.description': '研究会などのグループで、管理者がメンバーを登録する方',
  'register.chooseType': 'この種別で登録する',
  'register.changeType': '種別を選び直す',
  'register.selectedType': '登録する種別',
  'register.account': 'ログイン情報',
  'register.profile': 'お客様の情報',
  'register.userId': 'ユーザID',
  'register.userIdRules': '半角英数字6〜20文字。ログイン時は大文字と小文字が区別されます。',
  'register.userIdChecking': '確認中…',
  'register.userIdAvailable': 'このユーザIDは利用できます。',
  'register.userIdTaken': 'このユーザIDは既に登録されています。別のユーザIDをご利用ください。',
  'register.password': 'パスワード',
  'register.passwordRules':
    '半角英数字8〜64文字。ユーザIDと同じもの、よく使われるものは使えません。大文字と小文字は区別されます。',
  'register.email': 'E-mailアドレス',
  'register.name': '氏名',
  'register.nameKana': '氏名(フリガナ)',
  'register.nameKanaHint': 'カタカナまたはひらがな',
  'register.phone': '電話番号',
  'register.companyName': '会社名',
  'register.department': '部署名',
  'register.groupName': 'グループ名',
  'register.twoFactorNote':
    '二段階認証は登録時には設定できません。登録完了後に、マイページから「利用する」に変更してください。',
  'register.submit': '登録する',
  'register.doneTitle': 'ユーザ登録が完了しました',
  'register.doneText':
    'ご登録ありがとうございます。登録したユーザIDとパスワードでログインしてください。',
  'register.doneUserId': 'ユーザID',

  'myPage.title': 'マイページ',
  'myPage.profile': '登録内容',
  'myPage.userId': 'ユーザID',
  'myPage.type': '種別',
  'myPage.email': 'E-mailアドレス',
  'myPage.name': '氏名',
  'myPage.nameKana': '氏名(フリガナ)',
  'myPage.companyName': '会社名',
  'myPage.groupName': 'グループ名',
  'myPage.logout': 'ログアウト',
  'myPage.loggedOut': 'ログアウトしました。',

  'twoFactor.title': '二段階認証',
  'twoFactor.explain':
    'ログインの際に、パスワードに加えてスマートフォンの認証アプリ(Microsoft Authenticator、Google Authenticator)に表示される認証コードを入力します。',
  'twoFactor.status': '利用状況',
  'twoFactor.on': '利用する',
  'twoFactor.off': '利用しない',
  'twoFactor.onPending': '利用する(次回ログイン時にQRコードが表示されます)',
  'twoFactor.requiredByGroup':
    'グループ管理者の設定により、二段階認証を利用しない設定にはできません。',
  'twoFactor.nextLogin':
    '「利用する」に変更すると、次回ログイン時にQRコードが表示されます。認証アプリでスキャンし、表示される認証コードを入力してください。',
  'twoFactor.password': '現在のパスワード',
  'twoFactor.code': '認証コードまたはリカバリーコード',
  'twoFactor.turnOn': '二段階認証を利用する',
  'twoFactor.turnOff': '二段階認証を利用しない',
  'twoFactor.turnedOn':
    '二段階認証を「利用する」に変更しました。次回ログイン時にQRコードが表示されます。',
  'twoFactor.turnedOff': '二段階認証を「利用しない」に変更しました。',

  'recovery.userIdTitle': 'ユーザID照会',
  'recovery.passwordTitle': 'パスワード再発行',
  'recovery.placeholder': 'このページは準備中です。',
} as const;

export type MessageKey = keyof typeof ja;
