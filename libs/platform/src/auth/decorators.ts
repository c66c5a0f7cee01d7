import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import type { AuthenticatedActor, RequestWithActor } from './authenticated-actor';
import type { StaffRole } from './staff-role';
import { UnauthenticatedError } from './auth.errors';
import { ALLOW_PASSWORD_CHANGE_SCOPE, REQUIRED_ROLES, SessionGuard } from './session.guard';

/** The endpoint needs a logged-in session (cookie or `Authorization: Bearer`). */
export const Authenticated = (options: { allowPasswordChangeScope?: boolean } = {}) =>
  applyDecorators(
    SetMetadata(ALLOW_PASSWORD_CHANGE_SCOPE, options.allowPasswordChangeScope ?? false),
    UseGuards(SessionGuard),
    ApiBearerAuth(),
    ApiCookieAuth(),
  );

/** The endpoint needs a session whose account holds at least one of these staff roles. */
export const RequireRoles = (...roles: StaffRole[]) =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), Authenticated());

/** The actor established by `@Authenticated()`. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): AuthenticatedActor => {
    const actor = execution.switchToHttp().getRequest<RequestWithActor>().actor;
    if (!actor) throw new UnauthenticatedError();
    return actor;
  },
);
