import type { Request } from 'express';
import type { StaffRole } from './staff-role';

/** Who made the current request, as established by the authentication context. */
export interface AuthenticatedActor {
  accountId: string;
  userId: string;
  roles: StaffRole[];
  sessionId: string;
  /** `password_change`: a session after a temporary password, good only for POST /auth/password. */
  scope: 'full' | 'password_change';
}

/**
 * Implemented by the authentication context (session tokens from the cookie or the bearer header);
 * the guard below only depends on this contract, so no context needs authentication's internals.
 */
export interface Authenticator {
  authenticate(request: Request): Promise<AuthenticatedActor | null>;
}

export const AUTHENTICATOR = Symbol('AUTHENTICATOR');

export type RequestWithActor = Request & { actor?: AuthenticatedActor };
