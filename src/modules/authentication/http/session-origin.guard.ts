import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { SameOriginCheck } from '../infrastructure/same-origin-check';

/** Runs before the login steps read their input: a refused origin never reaches the password check. */
@Injectable()
export class SessionOriginGuard implements CanActivate {
  constructor(private readonly sameOrigin: SameOriginCheck) {}

  canActivate(execution: ExecutionContext): boolean {
    this.sameOrigin.assertMayOpenSession(execution.switchToHttp().getRequest<Request>());
    return true;
  }
}
