import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import type { Request } from 'express';
import { CsrfRejectedError } from '../domain/authentication.errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated requests that change something: the browser's Origin (or,
 * failing that, Referer) must be this service or one of the configured portal origins. SameSite=Lax
 * already stops most cross-site posts; this also covers same-site subdomains and old browsers.
 */
@Injectable()
export class SameOriginCheck {
  private readonly allowed: Set<string>;

  constructor(config: AppConfig) {
    this.allowed = new Set(
      config.corsOrigins.map((origin) => originOf(origin)).filter((o): o is string => o !== null),
    );
  }

  assertAllowed(request: Request): void {
    if (SAFE_METHODS.has(request.method.toUpperCase())) return;
    this.assertFromAllowedOrigin(request);
  }

  /**
   * Requests that open a session carry no session cookie yet, so neither the check above nor SameSite
   * applies: a cross-site form could log the visitor in to an account of the attacker's choosing
   * (login CSRF). Browsers name the origin of every cross-origin post (`Origin: null` when they hide
   * it, which is refused); a request naming neither Origin nor Referer comes from a server, not from
   * a page in a browser, and is let through.
   */
  assertMayOpenSession(request: Request): void {
    if (request.headers.origin === undefined && request.headers.referer === undefined) return;
    this.assertFromAllowedOrigin(request);
  }

  private assertFromAllowedOrigin(request: Request): void {
    const origin = headerOrigin(request);
    if (origin && (origin === ownOrigin(request) || this.allowed.has(origin))) return;
    throw new CsrfRejectedError();
  }
}

function headerOrigin(request: Request): string | null {
  const origin = request.headers.origin;
  if (origin && origin !== 'null') return originOf(origin);
  const referer = request.headers.referer;
  return referer ? originOf(referer) : null;
}

function ownOrigin(request: Request): string | null {
  const host = request.get('host');
  return host ? originOf(`${request.protocol}://${host}`) : null;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
