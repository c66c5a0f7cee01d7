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
  'app.contact':
    'お困りの場合は、Webサイトの「お問い合わせフォーム」よりユーザIDを記載のうえお問い合わせください。',

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
  'recovery.lookupRequestTitle': 'ユーザID照会用パスワード発行',
  'recovery.lookupRequestIntro':
    'ご登録いただいているE-mailアドレスを入力してください。ユーザIDの照会に使う照会用パスワードをメールでお送りします。',
  'recovery.lookupRequestSubmit': '照会用パスワードを発行する',
  'recovery.lookupRequested':
    'ご入力のE-mailアドレスがご登録のものであれば、照会用パスワードをメールでお送りしました。メールに記載の照会用パスワード(有効期限30分、1回のみ使用できます)を入力してください。',
  'recovery.notArrived':
    'メールが届かない場合は、E-mailアドレスに誤りがないか、迷惑メールフォルダに届いていないかをご確認ください。',
  'recovery.haveLookupPassword': '照会用パスワードをお持ちの方はこちら',
  'recovery.requestAgain': '照会用パスワードを発行し直す',
  'recovery.lookupTitle': 'ユーザIDの照会',
  'recovery.lookupIntro':
    'E-mailアドレスと、メールでお送りした照会用パスワードを入力してください。',
  'recovery.lookupPassword': '照会用パスワード',
  'recovery.lookupPasswordHint': '半角英数字です。大文字と小文字は区別されます。',
  'recovery.lookupSubmit': 'ユーザIDを表示する',
  'recovery.resultTitle': '照会結果',
  'recovery.resultIntro': 'このE-mailアドレスで登録されているユーザIDは次のとおりです。',
  'recovery.resultNone': 'このE-mailアドレスで利用中のユーザIDはありません。',
  'recovery.resultListLabel': '登録されているユーザID',
  'recovery.toPasswordReissue': 'パスワードもお忘れの方は、続けてパスワード再発行へ',
  'recovery.reissueIntro':
    'ユーザIDと、ご登録いただいているE-mailアドレスを入力してください。仮パスワードをメールでお送りします。',
  'recovery.reissueSubmit': '仮パスワードを発行する',
  'recovery.reissued':
    'ご入力のユーザIDとE-mailアドレスがご登録内容と一致する場合は、仮パスワードをメールでお送りしました。仮パスワード(有効期限30分、1回のみ使用できます)でログインし、新しいパスワードを設定してください。仮パスワードを使うまでは、現在のパスワードも引き続きご利用いただけます。',
  'recovery.forgotBothTitle': 'ユーザID・パスワードの両方をお忘れの方',

  'section.cancel': 'キャンセル',
  'section.language.ja': '日本語',
  'section.language.en': 'English',

  'profile.title': 'プロフィール変更',
  'profile.intro': '登録内容を変更できます。ユーザIDと種別(個人・法人・グループ)は変更できません。',
  'profile.open': 'プロフィールを変更する',
  'profile.language': 'メールの言語',
  'profile.languageHint':
    '当社からお送りするメールの言語です。画面の表示言語は、画面右上のボタンで切り替えられます。',
  'profile.submit': '変更を保存する',
  'profile.saved': 'プロフィールを変更しました。',

  'emailChange.title': 'E-mailアドレスの変更',
  'emailChange.intro':
    '新しいE-mailアドレスと、確認のため現在のパスワードを入力してください。変更前のアドレスにも変更のお知らせをお送りします。',
  'emailChange.open': 'E-mailアドレスを変更する',
  'emailChange.new': '新しいE-mailアドレス',
  'emailChange.password': '現在のパスワード',
  'emailChange.submit': '新しいE-mailアドレスに変更する',
  'emailChange.done': 'E-mailアドレスを変更しました。',

  'passwordUpdate.title': 'パスワードの変更',
  'passwordUpdate.intro':
    'パスワードを変更すると、この端末以外でのログインはすべてログアウトされます。',
  'passwordUpdate.open': 'パスワードを変更する',
  'passwordUpdate.current': '現在のパスワード',
  'passwordUpdate.submit': '新しいパスワードを保存する',
  'passwordUpdate.done':
    'パスワードを変更しました。この端末以外でのログインはログアウトされました。',

  'recoveryCodesRenewal.title': 'リカバリーコードの再発行',
  'recoveryCodesRenewal.intro':
    '新しいリカバリーコードを発行すると、これまでのリカバリーコードは使えなくなります。現在のパスワードと、認証アプリに表示されている認証コードを入力してください。',
  'recoveryCodesRenewal.remaining': '未使用のリカバリーコード',
  'recoveryCodesRenewal.open': 'リカバリーコードを再発行する',
  'recoveryCodesRenewal.submit': '新しいリカバリーコードを発行する',
  'recoveryCodesRenewal.close': '保存しました(表示を閉じる)',

  'sessions.title': 'ログイン中の端末',
  'sessions.intro':
    'このアカウントで現在ログインしている端末(セッション)の一覧です。心当たりのないものがあれば「この端末のログインを終了する」を押し、パスワードを変更してください。',
  'sessions.listLabel': 'ログイン中のセッション',
  'sessions.current': 'この端末(現在のセッション)',
  'sessions.other': '他の端末',
  'sessions.browser': 'ブラウザ',
  'sessions.ip': 'IPアドレス',
  'sessions.loggedInAt': 'ログイン日時',
  'sessions.lastSeenAt': '最終利用日時',
  'sessions.unknown': '不明',
  'sessions.logOutThis': 'この端末のログインを終了する',
  'sessions.ended': '選択した端末のログインを終了しました。',

  'withdrawal.title': '退会のお申込み(ユーザIDの削除)',
  'withdrawal.explain':
    '退会をご希望の場合は、こちらから当社にユーザIDの削除をご依頼ください。お申込みの後、当社にて削除の手続きを行い、完了しましたらメールでお知らせします。',
  'withdrawal.afterwards':
    'なお、退会後、当社の講習会・eラーニング・教材をお申込みになる場合は、再度ユーザ登録が必要となります。',
  'withdrawal.typeChange':
    'ユーザの種別(個人・法人)は変更できません。法人ユーザとしてご利用になる場合は、新規に法人ユーザとしてユーザ登録を行い、既に登録した個人のユーザIDはこちらから削除をご依頼ください。',
  'withdrawal.open': '退会を申し込む',
  'withdrawal.password': '現在のパスワード',
  'withdrawal.reason': '退会の理由',
  'withdrawal.submit': 'ユーザIDの削除を依頼する',
  'withdrawal.requested':
    '退会のお申込みを受け付けました。当社にて手続きを行い、完了しましたらメールでお知らせします。',
  'withdrawal.pending': '退会のお申込みを受け付けています。手続きの完了までお待ちください。',

  'members.link': 'ユーザ情報変更・削除(グループのメンバー管理)',
  'members.linkIntro':
    'グループ管理者として、メンバーの登録、登録内容の変更・退会、二段階認証の設定を行えます。',
  'members.title': 'ユーザ情報変更・削除',
  'members.group': 'グループ名',
  'members.intro': 'グループのメンバーの登録、登録内容の変更、退会、二段階認証の設定を行います。',
  'members.toMyPage': 'マイページへ戻る',
  'members.listTitle': 'メンバー一覧',
  'members.you': '(あなた)',
  'members.status': '状態',
  'members.status.active': '利用中',
  'members.status.withdrawal_requested': '退会申込中',
  'members.role': '権限',
  'members.administrator': 'グループ管理者',
  'members.member': 'メンバー',
  'members.twoFactor': '二段階認証',
  'members.twoFactor.off': '利用しない',
  'members.twoFactor.pending': '利用する(次回ログイン時にQRコードを表示)',
  'members.twoFactor.on': '利用する',
  'members.twoFactor.required': '管理者の設定により必須',
  'members.lock': 'ロック',
  'members.locked':
    'ロック中(解除は「お問い合わせフォーム」よりユーザIDを記載のうえ当社にご依頼ください)',
  'members.notLocked': 'なし',
  'members.requireTwoFactor': '二段階認証を「利用する」にする',
  'members.requireTwoFactorNote':
    '「利用する」に変更すると、そのメンバーの次回ログイン時にQRコードが表示されます。メンバーは二段階認証を解除できなくなります。',
  'members.liftTwoFactor': '二段階認証の必須設定を解除する',
  'members.twoFactorRequired':
    '二段階認証を「利用する」に変更しました。次回ログイン時にQRコードが表示されます。',
  'members.twoFactorLifted':
    '二段階認証の必須設定を解除しました。メンバーが自分で「利用しない」に変更できるようになります。',
  'members.edit': '登録内容を変更する',
  'members.saved': '登録内容を変更しました。メンバーにお知らせのメールをお送りしました。',
  'members.appoint': 'グループ管理者にする',
  'members.appointed': 'グループ管理者にしました。',
  'members.withdraw': '退会させる',
  'members.withdrawTitle': 'メンバーの退会',
  'members.withdrawConfirm':
    'このメンバーを退会させます。ユーザIDは直ちに削除され、元に戻すことはできません。よろしいですか?',
  'members.withdrawn': 'メンバーを退会させました。',
  'members.registerTitle': 'メンバーの登録',
  'members.registerIntro':
    '登録すると、メンバーのE-mailアドレスにユーザIDと仮パスワードをお送りします。メンバーは初回ログイン時に新しいパスワードを設定します。',
  'members.registerOpen': 'メンバーを登録する',
  'members.userIdHint': '半角英数字6〜20文字。空欄の場合は自動で割り当てます。',
  'members.registerSubmit': '登録してメールを送る',
  'members.registered':
    'メンバーを登録し、ユーザIDと仮パスワードをメールでお送りしました。登録したユーザID:',
  'members.adminTitle': 'グループ管理者を辞める',
  'members.stepDownIntro':
    'グループには管理者が最低1人必要です。辞める前に、他のメンバーをグループ管理者にしてください。',
  'members.stepDown': 'グループ管理者を辞める',
  'members.steppedDown': 'グループ管理者を辞めました。',
} as const;

export type MessageKey = keyof typeof ja;
