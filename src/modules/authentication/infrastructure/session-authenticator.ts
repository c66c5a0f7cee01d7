import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedActor, Authenticator, StaffRole } from '@app/platform';
import type { Request } from 'express';
import { AuthenticationSettings } from '../application/authentication-settings';
import { hashSessionToken, isWellFormedSessionToken } from '../domain/session-token';
import type { SessionScope } from '../domain/session.entity';
import { SameOriginCheck } from './same-origin-check';
import { presentedToken } from './session-credentials';

/** Activity is written back at most this often, so most authenticated reads do not write. */
const LAST_SEEN_RESOLUTION_SECONDS = 60;

interface LiveSessionRow {
  id: string;
  account_id: string;
  user_id: string;
  scope: SessionScope;
  stale: boolean;
  roles: StaffRole[];
}

/** The platform's Authenticator: a session token from the cookie or the bearer header. */
@Injectable()
export class SessionAuthenticator implements Authenticator {
  /** A request may pass more than one guard (the staff-area guard and the route's own). */
  private readonly resolved = new WeakMap<Request, Promise<AuthenticatedActor | null>>();

  constructor(
    private readonly em: EntityManager,
    private readonly settings: AuthenticationSettings,
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

    const connection = this.em.getConnection();
    const [row] = await connection.execute<LiveSessionRow[]>(
      `select s."id", s."account_id", s."user_id", s."scope",
              s."last_seen_at" < now() - make_interval(secs => ?) as "stale",
              coalesce(array_agg(r."role" order by r."role") filter (where r."role" is not null), '{}') as "roles"
       from "authentication"."session" s
       left join "authentication"."staff_role" r on r."account_id" = s."account_id"
       where s."token_hash" = ? and s."revoked_at" is null and s."expires_at" > now()
         and s."last_seen_at" > now() - make_interval(secs => ?)
       group by s."id"`,
      [
        LAST_SEEN_RESOLUTION_SECONDS,
        hashSessionToken(presented.token),
        this.settings.sessionIdleMs / 1000,
      ],
    );
    if (!row) return null;
    if (row.stale) {
      await connection.execute(
        `update "authentication"."session" set "last_seen_at" = now() where "id" = ?`,
        [row.id],
      );
    }
    return {
      accountId: row.account_id,
      userId: row.user_id,
      roles: row.roles,
      sessionId: row.id,
      scope: row.scope,
    };
  }
}
