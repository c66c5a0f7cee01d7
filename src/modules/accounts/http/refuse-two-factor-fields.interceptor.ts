import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { TwoFactorNotAvailableAtRegistrationError } from '../domain/accounts.errors';

/** `twoFactor`, `two_factor_enabled`, `useTwoFactor`, `2fa`, `mfa`, `totp`, `otpSecret`, … at any depth. */
const TWO_FACTOR_KEY = /twofactor|2fa|mfa|totp|^otp|nidankai/;

/**
 * The FAQ says two-factor can only be switched on after registering. A registration that asks for
 * it gets that explanation rather than a generic "unknown field", so this runs before validation
 * (interceptors run before pipes).
 */
@Injectable()
export class RefuseTwoFactorFieldsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const body: unknown = context.switchToHttp().getRequest<Request>().body;
    const field = findTwoFactorField(body, '');
    if (field) throw new TwoFactorNotAvailableAtRegistrationError({ field });
    return next.handle();
  }
}

function findTwoFactorField(value: unknown, path: string, depth = 0): string | null {
  if (depth > 4 || value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (TWO_FACTOR_KEY.test(key.toLowerCase().replace(/[\s_-]/g, ''))) return here;
    const nested = findTwoFactorField(child, here, depth + 1);
    if (nested) return nested;
  }
  return null;
}
