import { EntityManager } from '@mikro-orm/postgresql';
import type { TestApp } from '../../support/test-app';

/**
 * What a refused request (4xx) must leave as it was. Each entry is one query whose text must not
 * change. Left out on purpose, because a refusal legitimately writes them:
 * - `authentication.login_throttle`: a wrong password counts against the user ID (ADR 0020);
 * - `recovery.lookup_password.failed_attempts`: a wrong lookup password counts (ADR 0040);
 * - `two_factor.account.consecutive_failures`: a wrong code counts;
 * - `authentication.session.last_seen_at`: any authenticated request touches its session;
 * - `audit.audit_record`, `mail.sent_mail`: written by queue consumers, after earlier requests;
 * - the outbox: see REFUSAL_FACTS.
 */
const UNCHANGED_BY_A_REFUSAL: Record<string, string> = {
  accounts: `select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from "accounts"."account" t`,
  credentials: `select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t.account_id)), '') from "authentication"."credential" t`,
  sessions: `select count(*) || ':' || coalesce(md5(string_agg(concat_ws('|', id, account_id, token_hash, scope, expires_at, revoked_at, revoked_reason, client_ip, user_agent), ',' order by id)), '') from "authentication"."session"`,
  staffRoles: `select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t.account_id, t.role)), '') from "authentication"."staff_role" t`,
  groups: `select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from "groups"."group" t`,
  memberships: `select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t.account_id)), '') from "groups"."membership" t`,
  twoFactorAccounts: `select count(*) || ':' || coalesce(md5(string_agg(concat_ws('|', account_id, enabled, required_by_group, encrypted_secret, enrolled_at, last_used_step, locked_at), ',' order by account_id)), '') from "two_factor"."account"`,
  twoFactorChallenges: `select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from "two_factor"."challenge" t`,
  recoveryCodes: `select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from "two_factor"."recovery_code" t`,
  lookupPasswords: `select count(*) || ':' || coalesce(md5(string_agg(concat_ws('|', email_hash, password_hash, issued_at, expires_at, used_at), ',' order by email_hash)), '') from "recovery"."lookup_password"`,
};

/** Events a refusal records on purpose: the facts of a failed or refused attempt, for the audit trail. */
export const REFUSAL_FACTS = new Set([
  'authentication.login-failed',
  'authentication.login-throttled',
  'authentication.password-change-rejected',
  'recovery.user-id-lookup-failed',
  'recovery.rate-limited',
  'two-factor.verification-failed',
]);

export interface Snapshot {
  tables: Record<string, string>;
  outboxPosition: string;
}

const SNAPSHOT_SQL = `select ${Object.entries(UNCHANGED_BY_A_REFUSAL)
  .map(([name, sql]) => `(${sql}) as "${name}"`)
  .join(
    ', ',
  )}, (select coalesce(max(position), 0)::text from "platform"."outbox_message") as "outboxPosition"`;

export async function snapshot(t: TestApp): Promise<Snapshot> {
  const [row] = await t.app
    .get(EntityManager)
    .fork()
    .getConnection()
    .execute<Array<Record<string, string>>>(SNAPSHOT_SQL);
  const { outboxPosition, ...tables } = row;
  return { tables, outboxPosition };
}

/** What changed since `before` that a refusal must not change; empty when nothing did. */
export async function refusalChanges(t: TestApp, before: Snapshot): Promise<string[]> {
  const after = await snapshot(t);
  const changes = Object.keys(before.tables)
    .filter((table) => before.tables[table] !== after.tables[table])
    .map((table) => `${table} changed`);
  const events = await eventTypesSince(t, before.outboxPosition);
  for (const type of events)
    if (!REFUSAL_FACTS.has(type)) changes.push(`outbox event ${type} recorded`);
  return changes;
}

/** Types of the events committed after `position`, in order. */
export async function eventTypesSince(t: TestApp, position: string): Promise<string[]> {
  const rows = await t.app
    .get(EntityManager)
    .fork()
    .getConnection()
    .execute<
      Array<{ type: string }>
    >('select "type" from "platform"."outbox_message" where "position" > ? order by "position"', [position]);
  return rows.map((row) => row.type);
}

export interface PendingEvent {
  position: string;
  type: string;
  consumers: string[];
}

/**
 * Waits until every outbox event (but those in `ignore`) has reached all its consumers, so no
 * reaction is still to come; answers the events still pending after `timeoutMs`: a consumer that
 * cannot take an event (a column too short for what the request carried) never will.
 */
export async function quiesce(
  t: TestApp,
  ignore: ReadonlySet<string>,
  timeoutMs = 5_000,
): Promise<PendingEvent[]> {
  const connection = t.app.get(EntityManager).fork().getConnection();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await connection.execute<PendingEvent[]>(
      `select "position"::text as "position", "type", "pending_consumers" as "consumers"
         from "platform"."outbox_message" where "relay_at" is not null order by "position"`,
    );
    const pending = rows.filter((row) => !ignore.has(row.position));
    if (pending.length === 0 || Date.now() > deadline) return pending;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
