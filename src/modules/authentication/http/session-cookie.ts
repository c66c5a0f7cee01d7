import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import type { CookieOptions, Response } from 'express';
import { SESSION_COOKIE } from '../infrastructure/session-credentials';

@Injectable()
export class SessionCookie {
  private readonly options: CookieOptions;

  constructor(config: AppConfig) {
    this.options = { httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE, path: '/' };
  }

  set(response: Response, token: string, expiresAt: Date): void {
    response.cookie(SESSION_COOKIE, token, { ...this.options, expires: expiresAt });
  }

  clear(response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.options);
  }
}
