import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import {
  API_PREFIX,
  AUTHENTICATOR,
  ForbiddenError,
  PasswordChangeRequiredError,
  UnauthenticatedError,
} from '@app/platform';
import type { Authenticator } from '@app/platform';
import type { Request } from 'express';

const STAFF_AREA = `/${API_PREFIX}/admin/`;

/**
 * Defence in depth for the support back office: every route under /admin needs a staff session,
 * even one whose controller forgot `@RequireRoles`. The route's own guard then narrows the roles.
 */
@Injectable()
export class StaffAreaGuard implements CanActivate {
  constructor(@Inject(AUTHENTICATOR) private readonly authenticator: Authenticator) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType() !== 'http') return true;
    const request = execution.switchToHttp().getRequest<Request>();
    if (!request.path.startsWith(STAFF_AREA)) return true;
    const actor = await this.authenticator.authenticate(request);
    if (!actor) throw new UnauthenticatedError();
    if (actor.scope === 'password_change') throw new PasswordChangeRequiredError();
    if (actor.roles.length === 0) throw new ForbiddenError();
    return true;
  }
}
