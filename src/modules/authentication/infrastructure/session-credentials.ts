import type { Request } from 'express';

export const SESSION_COOKIE = 'session';
/** Sent only to the login endpoints (path /api/v1/auth), read only by the password step (ADR 0023). */
export const DEVICE_COOKIE = 'device';

export type PresentedToken = { token: string; via: 'bearer' | 'cookie' };

/**
 * The session token of a request: `Authorization: Bearer` wins over the cookie, because a header
 * cannot be attached by another site and so needs no CSRF check.
 */
export function presentedToken(request: Request): PresentedToken | null {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer ([^\s]+)$/i.exec(authorization.trim());
    return match ? { token: match[1], via: 'bearer' } : null;
  }
  const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim() || null;
  }
  return null;
}
