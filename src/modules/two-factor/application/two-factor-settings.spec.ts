import { randomBytes } from 'node:crypto';
import { readSettings } from '@app/platform';
import { TwoFactorSettings } from './two-factor-settings';

const key = () => randomBytes(32).toString('base64');
const load = (env: Record<string, string>) => readSettings(TwoFactorSettings, env);

describe('TOTP_ENCRYPTION_KEY in the two-factor settings', () => {
  it('is required in production, with a one-line reason', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(
      /^Invalid configuration: TOTP_ENCRYPTION_KEY must be set \(required in production\)/,
    );
  });

  it.each(['development', 'test'])('may be missing in %s', (env) => {
    expect(load({ NODE_ENV: env }).TOTP_ENCRYPTION_KEY).toBeUndefined();
  });

  it.each([
    ['a single key', () => key()],
    ['a rotation list', () => `v2:${key()},v1:${key()}`],
  ])('accepts %s', (_name, value) => {
    const setting = value();
    expect(load({ NODE_ENV: 'production', TOTP_ENCRYPTION_KEY: setting }).TOTP_ENCRYPTION_KEY).toBe(
      setting,
    );
  });

  it.each([
    ['a short key', () => randomBytes(16).toString('base64')],
    ['two keys without ids', () => `${key()},${key()}`],
    ['a duplicated id', () => `v1:${key()},v1:${key()}`],
    ['not base64', () => 'correct horse battery staple'],
  ])('refuses %s, also outside production', (_name, value) => {
    expect(() => load({ NODE_ENV: 'development', TOTP_ENCRYPTION_KEY: value() })).toThrow(
      /TOTP_ENCRYPTION_KEY/,
    );
  });

  it('names the site as the issuer by default', () => {
    expect(load({}).TOTP_ISSUER).toBe('研修ポータル');
  });
});
