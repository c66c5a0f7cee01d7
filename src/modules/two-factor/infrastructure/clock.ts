import { Injectable } from '@nestjs/common';

/**
 * The time TOTP steps and challenge expiry are computed from. One injectable source, so tests can
 * move it forward by a time step instead of sleeping.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
