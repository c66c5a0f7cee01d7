import { EntityManager } from '@mikro-orm/postgresql';
import { aRegisteredAccount, aStaffMember } from '../builders/accounts';
import { aGroupWithAdministrator, aMemberBody, GROUPS } from '../builders/groups';
import type { TestApp } from '../test-app';
import type { KnownValues } from './inputs';

export const ROLES = ['anonymous', 'customer', 'group-administrator', 'support', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  accountId: string;
  userId: string;
  email: string;
  sessionToken: string;
  /** A member of the administrator's group, so member operations can find someone. */
  memberUserId?: string;
}

type Staffed = Exclude<Role, 'anonymous'>;

const EXPECTED_ROLES: Record<Staffed, string> = {
  customer: '',
  'group-administrator': '',
  support: 'support',
  admin: 'admin',
};

/**
 * One account and full session per role, made with the builders. A request that succeeds may
 * change one (a role revoked, an administrator stepping down, a session logged out): `heal`
 * notices and replaces it, so later cases still act as that role.
 */
export class FuzzIdentities {
  private readonly identities = new Map<Staffed, Identity>();
  rebuilt = 0;

  constructor(private readonly t: TestApp) {}

  async createAll(): Promise<void> {
    for (const role of ROLES) if (role !== 'anonymous') await this.create(role);
  }

  of(role: Role): Identity | undefined {
    return role === 'anonymous' ? undefined : this.identities.get(role);
  }

  /** Values that exist, for generated cases to aim at. */
  async known(): Promise<KnownValues> {
    const all = [...this.identities.values()];
    const sessions = await this.sql<{ id: string }>(
      'select "id" from "authentication"."session" where "account_id" in (?) order by "created_at" desc limit 10',
      [all.map((i) => i.accountId)],
    );
    return {
      userId: all.flatMap((i) => [i.userId, ...(i.memberUserId ? [i.memberUserId] : [])]),
      email: all.map((i) => i.email),
      groupId: [this.identities.get('group-administrator')?.accountId ?? ''],
      sessionId: sessions.map((s) => s.id),
      staffRole: ['support', 'admin'],
    };
  }

  /** Replaces every identity that no longer is what its role needs; true when one was replaced. */
  async heal(): Promise<boolean> {
    let replaced = false;
    for (const [role, identity] of [...this.identities]) {
      if (await this.intact(role, identity)) continue;
      await this.create(role);
      this.rebuilt += 1;
      replaced = true;
    }
    return replaced;
  }

  private async intact(role: Staffed, identity: Identity): Promise<boolean> {
    const me = await this.t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${identity.sessionToken}`);
    if (me.status !== 200 || (me.body as { status?: string }).status !== 'active') return false;
    const [row] = await this.sql<{ roles: string; administrator: boolean | null }>(
      `select coalesce((select string_agg("role", ',' order by "role") from "authentication"."staff_role" where "account_id" = ?), '') as "roles",
              (select "is_administrator" from "groups"."membership" where "account_id" = ?) as "administrator"`,
      [identity.accountId, identity.accountId],
    );
    if (row.roles !== EXPECTED_ROLES[role]) return false;
    return role !== 'group-administrator' || row.administrator === true;
  }

  private async create(role: Staffed): Promise<void> {
    const t = this.t;
    switch (role) {
      case 'customer': {
        this.identities.set(role, await aRegisteredAccount(t).loggedIn());
        return;
      }
      case 'group-administrator': {
        const administrator = await aGroupWithAdministrator(t);
        const member = aMemberBody();
        const registered = await t
          .http()
          .post(`${GROUPS}/members`)
          .set(administrator.auth)
          .send(member);
        if (registered.status !== 201)
          throw new Error(`member registration answered ${registered.status}`);
        this.identities.set(role, { ...administrator, memberUserId: member.userId });
        return;
      }
      default:
        this.identities.set(role, await aStaffMember(t, role).loggedIn());
    }
  }

  private sql<T>(query: string, params: unknown[]): Promise<T[]> {
    return this.t.app.get(EntityManager).fork().getConnection().execute<T[]>(query, params);
  }
}
