import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedActor, StaffRole } from '@app/platform';
import { forkForReads, preparedRead } from '@app/platform';
import { ACCOUNT_FOR_LOGIN_SQL, accountForLoginParams } from '../../accounts/public-api';
import type { AccountForLoginRow } from '../../accounts/public-api';
import { secondFactorFactsSql } from '../../two-factor/public-api';
import type { SecondFactorFacts } from '../../two-factor/public-api';
import { AuthenticationSettings } from '../application/authentication-settings';
import type { SessionView } from '../application/queries/list-sessions/list-sessions.query';
import { Credential } from '../domain/credential.entity';
import { LoginThrottle } from '../domain/login-throttle.entity';
import type { SessionScope } from '../domain/session.entity';
import { Session } from '../domain/session.entity';
import { StaffRoleAssignment } from '../domain/staff-role-assignment.entity';
import { DeviceCookieThrottleRepository } from './device-cookie-throttle.repository';
import type { GuessBudgetRow } from './guess-budget.rows';
import { LoginThrottleRepository } from './login-throttle.repository';

/** Activity is written back at most this often, so most authenticated reads do not write. */
const LAST_SEEN_RESOLUTION_SECONDS = 60;

interface LiveSessionRow {
  id: string;
  account_id: string;
  user_id: string;
  scope: SessionScope;
  roles: StaffRole[];
}

/**
 * The login's facts as one row: the account (accounts; all null when the ID names none), its
 * credential and staff roles, its second factor, and the guess budgets of the attempt.
 */
export type LoginFactsRow = (AccountForLoginRow | { [K in keyof AccountForLoginRow]: null }) & {
  has_credential: boolean;
  password_hash: string | null;
  temporary_password_hash: string | null;
  /** Timestamps come as the driver's text: MikroORM's connection leaves them to hydration. */
  temporary_password_expires_at: string | null;
  temporary_password_used_at: string | null;
  staff: boolean;
  second_factor: SecondFactorFacts | null;
  /** The user ID's cool-down row, and the presented device cookie's, when they exist. */
  user_id_budget: GuessBudgetRow | null;
  device_budget: GuessBudgetRow | null;
};

/**
 * Everything authentication reads outside its aggregates' repositories, in one place. Each read
 * joins the caller's transaction when there is one (ADR 0006).
 */
@Injectable()
export class AuthenticationReadModel {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: AuthenticationSettings,
  ) {}

  /** As stored; read before any hashing, outside the transaction that may change it. */
  credentialOf(accountId: string): Promise<Credential | null> {
    return forkForReads(this.em).findOne(Credential, { accountId });
  }

  /**
   * Everything the password step decides on, in one statement (ADR 0093): the account and the
   * second factor through the sub-selects their contexts publish, so that each context still says
   * what its columns mean, and the guess budgets the attempt will be reserved against, as they are
   * now (read without a lock: the reservation stores its change only if they are unchanged). The
   * row exists whether or not the ID names an account. Prepared once per connection (ADR 0095).
   */
  async loginFactsOf(userId: string, deviceNonce: string | null): Promise<LoginFactsRow> {
    const [row] = await preparedRead<LoginFactsRow>(
      this.em,
      'authentication.login-facts',
      `select a.*, c."account_id" is not null as "has_credential", c."password_hash",
              c."temporary_password_hash", c."temporary_password_expires_at",
              c."temporary_password_used_at",
              exists (select 1 from "authentication"."staff_role" r
                      where r."account_id" = a."account_id") as "staff",
              ${secondFactorFactsSql('a."account_id"')} as "second_factor",
              ${LoginThrottleRepository.ROW_SQL} as "user_id_budget",
              ${DeviceCookieThrottleRepository.ROW_SQL} as "device_budget"
       from (select) "one"
       left join (${ACCOUNT_FOR_LOGIN_SQL}) a on true
       left join "authentication"."credential" c on c."account_id" = a."account_id"`,
      [LoginThrottle.keyOf(userId), deviceNonce, ...accountForLoginParams(userId)],
    );
    return row;
  }

  throttleOf(userId: string): Promise<LoginThrottle | null> {
    return forkForReads(this.em).findOne(LoginThrottle, { loginKey: LoginThrottle.keyOf(userId) });
  }

  async isStaff(accountId: string): Promise<boolean> {
    return (await forkForReads(this.em).count(StaffRoleAssignment, { accountId })) > 0;
  }

  async staffRolesOf(accountId: string): Promise<StaffRole[]> {
    const assignments = await forkForReads(this.em).find(
      StaffRoleAssignment,
      { accountId },
      { orderBy: { role: 'asc' } },
    );
    return assignments.map((assignment) => assignment.role);
  }

  /** Live, newest first. */
  async sessionsOf(accountId: string, currentSessionId: string): Promise<SessionView[]> {
    const now = Date.now();
    const sessions = await forkForReads(this.em).find(
      Session,
      {
        accountId,
        revokedAt: null,
        expiresAt: { $gt: new Date(now) },
        lastSeenAt: { $gt: new Date(now - this.settings.sessionIdleMs) },
      },
      { orderBy: { createdAt: 'desc' } },
    );
    return sessions.map((session) => ({
      id: session.id,
      scope: session.scope,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      clientIp: session.clientIp,
      userAgent: session.userAgent,
      current: session.id === currentSessionId,
    }));
  }

  /**
   * The holder of a live session with the roles it holds now (ADR 0021), in one statement on every
   * authenticated request. The statement also notes the activity, at most once a minute. Prepared
   * once per connection, with no entity manager forked per request (ADR 0095).
   */
  async actorOf(tokenHash: string): Promise<AuthenticatedActor | null> {
    const [row] = await preparedRead<LiveSessionRow>(
      this.em,
      'authentication.actor-of',
      `with "live" as (
         select "id", "account_id", "user_id", "scope",
                "last_seen_at" < now() - make_interval(secs => ?) as "stale"
         from "authentication"."session"
         where "token_hash" = ? and "revoked_at" is null and "expires_at" > now()
           and "last_seen_at" > now() - make_interval(secs => ?)
       ), "seen" as (
         update "authentication"."session" s set "last_seen_at" = now()
         from "live" where s."id" = "live"."id" and "live"."stale"
       )
       select "live"."id", "live"."account_id", "live"."user_id", "live"."scope",
              coalesce((select array_agg(r."role" order by r."role")
                        from "authentication"."staff_role" r
                        where r."account_id" = "live"."account_id"), '{}') as "roles"
       from "live"`,
      [LAST_SEEN_RESOLUTION_SECONDS, tokenHash, this.settings.sessionIdleMs / 1000],
    );
    if (!row) return null;
    return {
      accountId: row.account_id,
      userId: row.user_id,
      roles: row.roles,
      sessionId: row.id,
      scope: row.scope,
    };
  }
}
