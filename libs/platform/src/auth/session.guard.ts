import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { RequestContext } from '../context/request-context';
import { AUTHENTICATOR } from './authenticated-actor';
import type { Authenticator, RequestWithActor } from './authenticated-actor';
import type { StaffRole } from './staff-role';
import { ForbiddenError, PasswordChangeRequiredError, UnauthenticatedError } from './auth.errors';

export const REQUIRED_ROLES = Symbol('required-roles');
export const ALLOW_PASSWORD_CHANGE_SCOPE = Symbol('allow-password-change-scope');

/** Resolves the session through the registered Authenticator and enforces scope and staff roles. */
@Injectable()
export class SessionGuard implements CanActivate {
  private authenticator: Authenticator | null = null;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<RequestWithActor>();
    const actor = await this.resolveAuthenticator().authenticate(request);
    if (!actor) throw new UnauthenticatedError();

    const targets = [execution.getHandler(), execution.getClass()];
    const allowRestricted =
      this.reflector.getAllAndOverride<boolean>(ALLOW_PASSWORD_CHANGE_SCOPE, targets) ?? false;
    if (actor.scope === 'password_change' && !allowRestricted)
      throw new PasswordChangeRequiredError();

    const roles =
      this.reflector.getAllAndOverride<StaffRole[] | undefined>(REQUIRED_ROLES, targets) ?? [];
    if (roles.length > 0 && !roles.some((role) => actor.roles.includes(role)))
      throw new ForbiddenError();

    request.actor = actor;
    this.context.setActor(actor.accountId);
    return true;
  }

  private resolveAuthenticator(): Authenticator {
    this.authenticator ??= this.moduleRef.get<Authenticator>(AUTHENTICATOR, { strict: false });
    return this.authenticator;
  }
}
