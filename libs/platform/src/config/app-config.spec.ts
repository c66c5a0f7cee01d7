import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { AppConfig, ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has local defaults pointing at PostgreSQL and Redis on loopback', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/account_platform');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.COOKIE_SECURE).toBe(true);
  });

  it('parses numbers, booleans and lists', () => {
    const config = loadConfig({
      PORT: '8080',
      COOKIE_SECURE: 'false',
      CORS_ORIGINS: 'https://a.jp, https://b.jp',
      TRUST_PROXY: '10.0.0.1,loopback',
    });
    expect(config.PORT).toBe(8080);
    expect(config.COOKIE_SECURE).toBe(false);
    expect(config.corsOrigins).toEqual(['https://a.jp', 'https://b.jp']);
    expect(config.trustProxy).toEqual(['10.0.0.1', 'loopback']);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['REDIS_URL', 'localhost:6379'],
    ['SMTP_URL', 'http://mail'],
    ['COOKIE_SECURE', 'maybe'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses an invalid %s with one line that names it and hides the value', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    expect(message).not.toContain('\n');
    expect(message).not.toContain(value);
  });

  it('treats an empty SMTP_URL as unset (mails go to MAIL_DIR)', () => {
    expect(loadConfig({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
  });
});

describe('the README configuration table', () => {
  it('lists every setting of AppConfig', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    const settings = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(AppConfig, '', true, false)
        .map((m) => m.propertyName),
    );
    const missing = [...settings].filter((name) => !readme.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});
