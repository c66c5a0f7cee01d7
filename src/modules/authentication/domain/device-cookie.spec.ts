import { DeviceCookie } from './device-cookie';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('DeviceCookie', () => {
  const key = Buffer.from('a key of the device-cookie spec, 32+ bytes');
  const now = new Date('2026-01-01T00:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);
  const day = 86_400_000;
  const issued = DeviceCookie.issue('Yamada01', now, 30 * day);
  const value = issued.signedWith(key);

  it('is recognised for its user ID in any case until it expires', () => {
    expect(DeviceCookie.verify(value, key, 'yamada01', later(day))).toMatchObject({
      loginKey: 'yamada01',
      nonce: issued.nonce,
    });
    expect(DeviceCookie.verify(value, key, 'YAMADA01', later(day))).not.toBeNull();
    expect(DeviceCookie.verify(value, key, 'Yamada01', later(30 * day))).toBeNull();
  });

  it('names one user ID only', () => {
    expect(DeviceCookie.verify(value, key, 'Suzuki02', now)).toBeNull();
  });

  it.each([
    ['another key', (v: string) => v, Buffer.from('another key entirely, 32 bytes or so')],
    ['a changed user ID', (v: string) => v.replace(/^v1\.[^.]+/, 'v1.c3V6dWtpMDI'), key],
    ['a changed expiry', (v: string) => v.replace(/\.(\d+)\./, '.9999999999.'), key],
    ['a changed signature', (v: string) => v.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), key],
    [
      'another spelling of the same signature bytes',
      (v: string) => v.replace(/.$/, (c) => BASE64URL[BASE64URL.indexOf(c) ^ 1]),
      key,
    ],
    ['a truncated value', (v: string) => v.slice(0, -5), key],
    ['garbage', () => 'not-a-device-cookie', key],
  ])('is refused with %s', (_, tamper, verifyingKey) => {
    expect(DeviceCookie.verify(tamper(value), verifyingKey, 'Yamada01', now)).toBeNull();
  });

  it('gets a fresh nonce at every issue', () => {
    expect(DeviceCookie.issue('Yamada01', now, day).nonce).not.toBe(issued.nonce);
  });
});
