import type { MessageKey } from './ja';

/** The English catalogue: every key of the Japanese one, checked by the compiler. */
export const en: Record<MessageKey, string> = {
  'app.title': 'Training Portal Account',
  'app.skipToContent': 'Skip to main content',
  'app.languageSwitch': '日本語',
  'app.languageSwitchLabel': '日本語に切り替える',
  'app.footer': 'Training Portal',
  'app.loading': 'Loading…',
  'app.notFound': 'The page you are looking for was not found.',
  'app.toLogin': 'Go to the login page',
  'app.contact':
    'If you need help, write to us through the contact form on our website, stating your user ID.',

  'app.notFoundTitle': 'Page not found',
  'contact.title': 'Contact form',
  'contact.text':
    'To have a lock lifted, or after changing your phone, write to us with this form, stating your user ID. (This page is being prepared.)',
  'contact.link': 'Go to the contact form',

  'form.required': 'required',
  'form.optional': 'optional',
  'form.errorSummary': 'Please check the fields below.',
  'form.fullWidthHint':
    'Full-width characters were typed. Switch your input mode to half-width (only half-width letters and digits are allowed).',

  'login.title': 'Log in',
  'login.userId': 'User ID',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.rules':
    'User IDs and passwords are half-width letters and digits. Upper and lower case differ.',
  'login.failedHints':
    'The user ID or the password may be wrong. Only half-width letters and digits can be used: check that your input mode is not full-width, and that upper and lower case are right.',
  'login.forgotten': 'Cannot log in?',
  'login.forgotUserId': 'Forgot your user ID? (user ID lookup)',
  'login.forgotPassword': 'Forgot your password? (password re-issue)',
  'login.forgotBoth': 'Forgot both? Use the user ID lookup first, then the password re-issue.',
  'login.register': 'New here? Register',
  'login.cooldown':
    'Logging in is paused for a while after several failed attempts. Please try again later, or use the password re-issue if you forgot your password.',

  'code.title': 'Authentication code',
  'code.intro':
    'Enter the 6-digit code shown in your authenticator app (Microsoft Authenticator or Google Authenticator).',
  'code.label': 'Authentication code',
  'code.recoveryHint': 'Without your phone, you can enter one of the recovery codes you saved.',
  'code.submit': 'Verify',
  'code.restart': 'Back to user ID and password',

  'enroll.title': 'Set up two-factor authentication',
  'enroll.intro':
    'Two-factor authentication is switched on. Scan the QR code with the authenticator app on your phone and enter the code it shows.',
  'enroll.apps': 'Apps that work: Microsoft Authenticator, Google Authenticator',
  'enroll.qrAlt': 'QR code to add this account to your authenticator app',
  'enroll.manual': 'If you cannot scan the QR code, type this key into the app.',
  'enroll.secret': 'Key',
  'enroll.codeLabel': 'Code shown in the authenticator app (6 digits)',
  'enroll.submit': 'Finish setup',

  'recoveryCodes.title': 'Recovery codes',
  'recoveryCodes.intro':
    'Use these instead of an authentication code if you lose your phone. Each code works once. They are shown only this once: print them or keep them somewhere safe.',
  'recoveryCodes.listLabel': 'Your recovery codes',
  'recoveryCodes.saved': 'I have saved the recovery codes',
  'recoveryCodes.continue': 'Continue to My Page',

  'passwordChange.title': 'Change your password',
  'passwordChange.intro':
    'You logged in with a temporary password. Set a new password to continue.',
  'passwordChange.new': 'New password',
  'passwordChange.confirm': 'New password (again)',
  'passwordChange.mismatch': 'The two new passwords differ.',
  'passwordChange.submit': 'Change password',

  'renewal.title': 'Renew your registration',
  'renewal.intro':
    'We are reviewing our services and ask you to renew your registration. Please check your details and press “Confirmed”.',
  'renewal.confirm': 'Confirmed',

  'register.title': 'Register',
  'register.typeLegend': 'Account type',
  'register.typeNote':
    'The type (individual, corporate, group) can never be changed after registration. To use the portal as a company, register a corporate account.',
  'register.type.individual': 'Individual',
  'register.type.corporate': 'Corporate',
  'register.type.group': 'Group',
  'register.type.individual.description': 'You book courses for yourself',
  'register.type.corporate.description': 'A company booking courses for its staff',
  'register.type.group.description':
    'A group, such as a study society, whose administrator registers its members',
  'register.chooseType': 'Register with this type',
  'register.changeType': 'Choose another type',
  'register.selectedType': 'Account type',
  'register.account': 'Login details',
  'register.profile': 'Your details',
  'register.userId': 'User ID',
  'register.userIdRules':
    '6–20 half-width letters and digits. Upper and lower case differ at login.',
  'register.userIdChecking': 'Checking…',
  'register.userIdAvailable': 'This user ID is available.',
  'register.userIdTaken': 'This user ID is already registered. Please choose another.',
  'register.password': 'Password',
  'register.passwordRules':
    '8–64 half-width letters and digits; not your user ID, not a common password. Upper and lower case differ.',
  'register.email': 'E-mail address',
  'register.name': 'Name',
  'register.nameKana': 'Name in kana',
  'register.nameKanaHint': 'Katakana or hiragana',
  'register.phone': 'Phone number',
  'register.companyName': 'Company name',
  'register.department': 'Department',
  'register.groupName': 'Group name',
  'register.twoFactorNote':
    'Two-factor authentication cannot be set up at registration. Switch it on from My Page once you are registered.',
  'register.submit': 'Register',
  'register.doneTitle': 'Registration complete',
  'register.doneText': 'Thank you for registering. Log in with your user ID and password.',
  'register.doneUserId': 'User ID',

  'myPage.title': 'My Page',
  'myPage.profile': 'Your registration',
  'myPage.userId': 'User ID',
  'myPage.type': 'Type',
  'myPage.email': 'E-mail address',
  'myPage.name': 'Name',
  'myPage.nameKana': 'Name in kana',
  'myPage.companyName': 'Company name',
  'myPage.groupName': 'Group name',
  'myPage.logout': 'Log out',
  'myPage.loggedOut': 'You have logged out.',

  'twoFactor.title': 'Two-factor authentication',
  'twoFactor.explain':
    'When you log in, you enter a code from the authenticator app on your phone (Microsoft Authenticator, Google Authenticator) as well as your password.',
  'twoFactor.status': 'Status',
  'twoFactor.on': 'On',
  'twoFactor.off': 'Off',
  'twoFactor.onPending': 'On (a QR code is shown at your next login)',
  'twoFactor.requiredByGroup':
    'Your group administrator requires two-factor authentication: it cannot be switched off.',
  'twoFactor.nextLogin':
    'Once switched on, a QR code is shown at your next login. Scan it with the authenticator app and enter the code it shows.',
  'twoFactor.password': 'Current password',
  'twoFactor.code': 'Authentication code or recovery code',
  'twoFactor.turnOn': 'Use two-factor authentication',
  'twoFactor.turnOff': 'Stop using two-factor authentication',
  'twoFactor.turnedOn':
    'Two-factor authentication is on. A QR code will be shown at your next login.',
  'twoFactor.turnedOff': 'Two-factor authentication is off.',

  'recovery.userIdTitle': 'User ID lookup',
  'recovery.passwordTitle': 'Password re-issue',
  'recovery.placeholder': 'This page is being prepared.',
  'recovery.lookupRequestTitle': 'Lookup password for your user ID',
  'recovery.lookupRequestIntro':
    'Enter your registered e-mail address. We will mail you a lookup password to look up your user ID.',
  'recovery.lookupRequestSubmit': 'Send a lookup password',
  'recovery.lookupRequested':
    'If this e-mail address is registered, we have mailed a lookup password to it. Enter the lookup password from the mail (valid for 30 minutes, usable once).',
  'recovery.notArrived':
    'If no mail arrives, check that the e-mail address is right and look in your spam folder.',
  'recovery.haveLookupPassword': 'I already have a lookup password',
  'recovery.requestAgain': 'Send a new lookup password',
  'recovery.lookupTitle': 'Look up your user ID',
  'recovery.lookupIntro': 'Enter your e-mail address and the lookup password we mailed you.',
  'recovery.lookupPassword': 'Lookup password',
  'recovery.lookupPasswordHint': 'Half-width letters and digits; upper and lower case differ.',
  'recovery.lookupSubmit': 'Show my user IDs',
  'recovery.resultTitle': 'Your user IDs',
  'recovery.resultIntro': 'These user IDs are registered with this e-mail address:',
  'recovery.resultNone': 'No active user ID is registered with this e-mail address.',
  'recovery.resultListLabel': 'Registered user IDs',
  'recovery.toPasswordReissue': 'Forgot your password too? Continue to password re-issue',
  'recovery.reissueIntro':
    'Enter your user ID and your registered e-mail address. We will mail you a temporary password.',
  'recovery.reissueSubmit': 'Send a temporary password',
  'recovery.reissued':
    'If this user ID and e-mail address match our records, we have mailed a temporary password. Log in with it (valid for 30 minutes, usable once) and set a new password. Your current password keeps working until you use the temporary one.',
  'recovery.forgotBothTitle': 'Forgot both your user ID and your password?',

  'section.cancel': 'Cancel',
  'section.language.ja': '日本語 (Japanese)',
  'section.language.en': 'English',

  'profile.title': 'Change your profile',
  'profile.intro':
    'You can change your registered details. The user ID and the account type (individual, corporate, group) cannot change.',
  'profile.open': 'Change your profile',
  'profile.language': 'Language of our mails',
  'profile.languageHint':
    'The language of the mails we send you. The language of these pages is switched with the button at the top right.',
  'profile.submit': 'Save changes',
  'profile.saved': 'Your profile has been changed.',

  'emailChange.title': 'Change your e-mail address',
  'emailChange.intro':
    'Enter the new e-mail address and, to confirm, your current password. We also notify the old address.',
  'emailChange.open': 'Change your e-mail address',
  'emailChange.new': 'New e-mail address',
  'emailChange.password': 'Current password',
  'emailChange.submit': 'Change to the new e-mail address',
  'emailChange.done': 'Your e-mail address has been changed.',

  'passwordUpdate.title': 'Change your password',
  'passwordUpdate.intro': 'Changing your password logs out every other device.',
  'passwordUpdate.open': 'Change your password',
  'passwordUpdate.current': 'Current password',
  'passwordUpdate.submit': 'Save the new password',
  'passwordUpdate.done': 'Your password has been changed. Other devices have been logged out.',

  'recoveryCodesRenewal.title': 'New recovery codes',
  'recoveryCodesRenewal.intro':
    'New recovery codes replace the old ones, which stop working. Enter your current password and the code shown in your authenticator app.',
  'recoveryCodesRenewal.remaining': 'Unused recovery codes',
  'recoveryCodesRenewal.open': 'Get new recovery codes',
  'recoveryCodesRenewal.submit': 'Issue new recovery codes',
  'recoveryCodesRenewal.close': 'I have saved them (hide the codes)',

  'sessions.title': 'Devices logged in',
  'sessions.intro':
    'The devices (sessions) logged in with this account now. If you do not recognise one, log it out with "Log out this session" and change your password.',
  'sessions.listLabel': 'Logged-in sessions',
  'sessions.current': 'This device (current session)',
  'sessions.other': 'Another device',
  'sessions.browser': 'Browser',
  'sessions.ip': 'IP address',
  'sessions.loggedInAt': 'Logged in',
  'sessions.lastSeenAt': 'Last used',
  'sessions.unknown': 'Unknown',
  'sessions.logOutThis': 'Log out this session',
  'sessions.ended': 'The session has been logged out.',

  'withdrawal.title': 'Withdrawal (deleting your user ID)',
  'withdrawal.explain':
    'To withdraw, ask us here to delete your user ID. We then carry out the deletion and let you know by mail when it is done.',
  'withdrawal.afterwards':
    'After withdrawal, you need to register again to book our courses, e-learning or materials.',
  'withdrawal.typeChange':
    'The account type (individual, corporate) cannot change. To use a corporate account, register a new corporate account, then ask here for the individual user ID to be deleted.',
  'withdrawal.open': 'Apply for withdrawal',
  'withdrawal.password': 'Current password',
  'withdrawal.reason': 'Reason for withdrawal',
  'withdrawal.submit': 'Ask for my user ID to be deleted',
  'withdrawal.requested':
    'We have received your withdrawal request. We will carry it out and let you know by mail when it is done.',
  'withdrawal.pending':
    'Your withdrawal request has been received. Please wait until it is processed.',

  'members.link': "Change or delete users (your group's members)",
  'members.linkIntro':
    'As the group administrator, you register members, change or withdraw them and set their two-factor authentication.',
  'members.title': 'Change or delete users',
  'members.group': 'Group name',
  'members.intro':
    "Register your group's members, change their details, withdraw them and set their two-factor authentication.",
  'members.toMyPage': 'Back to My Page',
  'members.listTitle': 'Members',
  'members.you': '(you)',
  'members.status': 'Status',
  'members.status.active': 'Active',
  'members.status.withdrawal_requested': 'Withdrawal requested',
  'members.role': 'Role',
  'members.administrator': 'Group administrator',
  'members.member': 'Member',
  'members.twoFactor': 'Two-factor authentication',
  'members.twoFactor.off': 'Off',
  'members.twoFactor.pending': 'On (QR code at the next login)',
  'members.twoFactor.on': 'On',
  'members.twoFactor.required': 'required by the administrator',
  'members.lock': 'Lock',
  'members.locked':
    'Locked (to have it lifted, write to us through the contact form, stating the user ID)',
  'members.notLocked': 'None',
  'members.requireTwoFactor': 'Switch two-factor authentication on',
  'members.requireTwoFactorNote':
    'Once switched on, the member sees a QR code at the next login and can no longer switch two-factor authentication off.',
  'members.liftTwoFactor': 'Lift the two-factor requirement',
  'members.twoFactorRequired':
    'Two-factor authentication is on. A QR code will be shown at the next login.',
  'members.twoFactorLifted':
    'The two-factor requirement has been lifted. The member may now switch it off.',
  'members.edit': 'Change details',
  'members.saved': 'The details have been changed. The member has been notified by mail.',
  'members.appoint': 'Make group administrator',
  'members.appointed': 'The member is now a group administrator.',
  'members.withdraw': 'Withdraw',
  'members.withdrawTitle': 'Withdraw a member',
  'members.withdrawConfirm':
    'This member will be withdrawn. The user ID is deleted at once and this cannot be undone. Continue?',
  'members.withdrawn': 'The member has been withdrawn.',
  'members.registerTitle': 'Register a member',
  'members.registerIntro':
    "We mail the user ID and a temporary password to the member's e-mail address. The member sets a new password at the first login.",
  'members.registerOpen': 'Register a member',
  'members.userIdHint': '6 to 20 half-width letters and digits. Leave empty to have one assigned.',
  'members.registerSubmit': 'Register and send the mail',
  'members.registered':
    'The member has been registered and mailed the user ID and a temporary password. User ID:',
  'members.adminTitle': 'Step down as group administrator',
  'members.stepDownIntro':
    'A group needs at least one administrator. Before you step down, make another member a group administrator.',
  'members.stepDown': 'Step down as group administrator',
  'members.steppedDown': 'You are no longer a group administrator.',
};
