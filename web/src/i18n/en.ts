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
};
