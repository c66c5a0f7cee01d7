import { Injectable } from '@nestjs/common';
import { AppConfig, API_PREFIX } from '@app/platform';
import type { CookieOptions, Response } from 'express';
import type { IssuedDeviceCookie } from '../application/device-cookies';
import { DEVICE_COOKIE, SESSION_COOKIE } from '../infrastructure/session-credentials';

@Injectable()
export class SessionCookie {
  private readonly options: CookieOptions;
  private readonly deviceOptions: CookieOptions;

  constructor(config: AppConfig) {
    this.options = { httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE, path: '/' };
    // Strict: a login is never started from another site's link, and the cookie need go nowhere else.
    this.deviceOptions = { ...this.options, sameSite: 'strict', path: `/${API_PREFIX}/auth` };
  }

  /** The device cookie of ADR 0023, kept across logouts: it names the device, not a session. */
  setDevice(response: Response, { value, expiresAt }: IssuedDeviceCookie): void {
    response.cookie(DEVICE_COOKIE, value, { ...this.deviceOptions, expires: expiresAt });
  }

  set(response: Response, token: string, expiresAt: Date): void {
    response.cookie(SESSION_COOKIE, token, { ...this.options, expires: expiresAt });
  }

  clear(response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.options);
  }
}
