import { Injectable } from '@nestjs/common';
import type { AuthenticatedActor, Authenticator } from '@app/platform';
import type { Request } from 'express';
import { hashSessionToken, isWellFormedSessionToken } from '../domain/session-token';
import { AuthenticationReadModel } from './authentication.read-model';
import { SameOriginCheck } from './same-origin-check';
import { presentedToken } from './session-credentials';

/** The platform's Authenticator: a session token from the cookie or the bearer header. */
@Injectable()
export class SessionAuthenticator implements Authenticator {
  /** A request may pass more than one guard (the staff-area guard and the route's own). */
  private readonly resolved = new WeakMap<Request, Promise<AuthenticatedActor | null>>();

  constructor(
    private readonly reads: AuthenticationReadModel,
    private readonly sameOrigin: SameOriginCheck,
  ) {}

  authenticate(request: Request): Promise<AuthenticatedActor | null> {
    let actor = this.resolved.get(request);
    if (!actor) {
      actor = this.resolve(request);
      this.resolved.set(request, actor);
    }
    return actor;
  }

  private async resolve(request: Request): Promise<AuthenticatedActor | null> {
    const presented = presentedToken(request);
    if (!presented) return null;
    if (presented.via === 'cookie') this.sameOrigin.assertAllowed(request);
    if (!isWellFormedSessionToken(presented.token)) return null;

    return this.reads.actorOf(hashSessionToken(presented.token));
  }
}
