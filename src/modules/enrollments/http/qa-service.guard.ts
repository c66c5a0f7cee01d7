import { createHash, timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { RouteNotFoundError } from '@app/platform';
import type { Request } from 'express';
import { EnrollmentsSettings } from '../application/enrollments-settings';
import { ServiceUnauthenticatedError } from '../domain/enrollments.errors';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * The Internet QA service's credential, never a customer session (ADR 0090). Without a configured
 * token the endpoint does not exist (404). The digests are compared in constant time: equal
 * lengths always, so neither the token nor its length leaks through timing.
 */
@Injectable()
export class QaServiceGuard implements CanActivate {
  constructor(private readonly settings: EnrollmentsSettings) {}

  canActivate(execution: ExecutionContext): boolean {
    const expected = this.settings.QA_SERVICE_TOKEN;
    if (!expected) throw new RouteNotFoundError();
    const header = execution.switchToHttp().getRequest<Request>().headers.authorization;
    const presented = /^Bearer (\S+)$/i.exec(header ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(presented), digest(expected)))
      throw new ServiceUnauthenticatedError();
    return true;
  }
}
