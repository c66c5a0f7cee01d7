import { readSettings } from '@app/platform';
import { MailSettings } from './mail-settings';

const load = (env: Record<string, string>) => readSettings(MailSettings, env);

describe('MailSettings', () => {
  it('writes mails to MAIL_DIR unless SMTP_URL is set, and treats an empty SMTP_URL as unset', () => {
    expect(load({}).SMTP_URL).toBeUndefined();
    expect(load({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    expect(load({}).MAIL_DIR).toBe('var/mail');
    expect(load({}).MAIL_FROM).toBe('研修ポータル <no-reply@example.jp>');
  });

  it.each([
    ['SMTP_URL', 'http://mail'],
    ['MAIL_FROM', 'nobody'],
    ['MAIL_MAX_ATTEMPTS', 'many'],
  ])('refuses an invalid %s with one line that names it and hides the value', (name, value) => {
    expect(() => load({ [name]: value })).toThrow(
      new RegExp(`^Invalid configuration: ${name} [^\\n]*$`),
    );
    expect(() => load({ [name]: value })).not.toThrow(value);
  });
});
