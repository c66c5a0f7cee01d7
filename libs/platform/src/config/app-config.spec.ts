import { loadConfig } from './app-config';
import { ConfigError } from './settings';

describe('loadConfig', () => {
  it('has local defaults pointing at PostgreSQL and Redis on loopback', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/account_platform');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
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
});

describe('the environment of a configuration', () => {
  it("keeps every variable it was read from, for the contexts' settings", () => {
    const config = loadConfig({ PORT: '8080', TOTP_ISSUER: 'Portal' });
    expect(config.environment.variables).toMatchObject({ PORT: '8080', TOTP_ISSUER: 'Portal' });
  });
});
