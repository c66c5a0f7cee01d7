import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { HashAlgorithms } from '@otplib/core';
import { authenticator } from 'otplib';

/** RFC 6238 as Google and Microsoft Authenticator expect it; `window: 1` is ±1 step of clock drift. */
export const TOTP_OPTIONS = {
  step: 30,
  digits: 6,
  window: 1,
  algorithm: HashAlgorithms.SHA1,
} as const;

const SECRET_BYTES = 20;

/** TOTP arithmetic only; whether a matching code is accepted is the aggregate's decision. */
@Injectable()
export class Totp {
  private readonly authenticator = authenticator.clone(TOTP_OPTIONS);

  /** 160 bits from the CSPRNG, base32 as authenticator apps read it. */
  newSecret(): string {
    return this.authenticator.encode(randomBytes(SECRET_BYTES).toString('hex'));
  }

  keyUri(userId: string, issuer: string, secret: string): string {
    return this.authenticator.keyuri(userId, issuer, secret);
  }

  stepAt(now: Date): number {
    return Math.floor(now.getTime() / 1000 / TOTP_OPTIONS.step);
  }

  /** The time step whose code this is, looking at the current step and one on each side; else null. */
  matchingStep(secret: string, code: string, now: Date): number | null {
    const delta = this.authenticator.clone({ epoch: now.getTime() }).checkDelta(code, secret);
    return delta === null ? null : this.stepAt(now) + delta;
  }
}
