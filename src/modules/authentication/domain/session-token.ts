import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits, base64url: what the client holds. */
export function newSessionToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * What the database holds. A fast hash is enough for 256-bit random secrets (nothing to brute-force),
 * and it keeps every authenticated request to one indexed lookup.
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Rejects malformed tokens before any database work. */
export function isWellFormedSessionToken(token: string): boolean {
  return TOKEN_FORMAT.test(token);
}
