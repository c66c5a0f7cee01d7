import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1';
const NONCE_BYTES = 16;

/**
 * What a device that once logged in to a user ID holds (OWASP, "Slow Down Online Guessing Attacks
 * with Device Cookies", ADR 0023): the user ID in lower case, a random nonce and an expiry, signed
 * with HMAC-SHA256 under a server key. Nothing in it is secret; only the server can make one.
 */
export class DeviceCookie {
  private constructor(
    readonly loginKey: string,
    readonly nonce: string,
    readonly expiresAt: Date,
  ) {}

  static keyOf(userId: string): string {
    return userId.toLowerCase();
  }

  static issue(userId: string, now: Date, lifetimeMs: number): DeviceCookie {
    const expiresAt = new Date(Math.floor((now.getTime() + lifetimeMs) / 1000) * 1000);
    return new DeviceCookie(
      DeviceCookie.keyOf(userId),
      randomBytes(NONCE_BYTES).toString('base64url'),
      expiresAt,
    );
  }

  /** The cookie of `value` when its signature holds, it names `userId` and it has not expired. */
  static verify(value: string, key: Buffer, userId: string, now: Date): DeviceCookie | null {
    const parts = value.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) return null;
    const [, encodedKey, nonce, expiresAtSeconds, signature] = parts;
    // Compared as text: decoding would accept other spellings of the same bytes (base64url's
    // unused low bits in the last character), so one cookie would have several valid values.
    const expected = Buffer.from(sign(key, parts.slice(0, 4).join('.')).toString('base64url'));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const loginKey = Buffer.from(encodedKey, 'base64url').toString('utf8');
    const expiresAt = new Date(Number(expiresAtSeconds) * 1000);
    if (loginKey !== DeviceCookie.keyOf(userId) || !(expiresAt > now)) return null;
    return new DeviceCookie(loginKey, nonce, expiresAt);
  }

  signedWith(key: Buffer): string {
    const payload = [
      VERSION,
      Buffer.from(this.loginKey, 'utf8').toString('base64url'),
      this.nonce,
      String(this.expiresAt.getTime() / 1000),
    ].join('.');
    return `${payload}.${sign(key, payload).toString('base64url')}`;
  }
}

function sign(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload, 'utf8').digest();
}
