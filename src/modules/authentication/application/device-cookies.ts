import { Injectable } from '@nestjs/common';
import { DeviceCookie } from '../domain/device-cookie';
import { AuthenticationSettings } from './authentication-settings';

export type IssuedDeviceCookie = { value: string; expiresAt: Date };

/** Issues and recognises the signed device cookies (ADR 0023) under the configured key. */
@Injectable()
export class DeviceCookies {
  private readonly key: Buffer;

  constructor(private readonly settings: AuthenticationSettings) {
    this.key = settings.deviceCookieKey();
  }

  issue(userId: string, now = new Date()): IssuedDeviceCookie {
    const cookie = DeviceCookie.issue(userId, now, this.settings.deviceCookieLifetimeMs);
    return { value: cookie.signedWith(this.key), expiresAt: cookie.expiresAt };
  }

  /** The presented cookie when it is genuine, unexpired and names `userId`; otherwise the attempt is anonymous. */
  recognise(value: string | undefined, userId: string, now = new Date()): DeviceCookie | null {
    if (!value || value.length > 256) return null;
    return DeviceCookie.verify(value, this.key, userId, now);
  }
}
