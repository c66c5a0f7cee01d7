import { isUuid } from '@app/ddd';

export interface AuditEntryInput {
  type: string;
  actorAccountId: string | null;
  subjectAccountId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  payload: Record<string, unknown>;
  occurredAt: string;
}

export interface OwnAuditEntry {
  type: string;
  occurredAt: string;
  /** Who acted: the account itself, another account (support, a group administrator), or nobody signed in. */
  actor: 'self' | 'another_account' | null;
  clientIp: string | null;
  userAgent: string | null;
  payload: Record<string, unknown>;
}

export const ANOTHER_ACCOUNT = '[another account]';

/**
 * An audit record as its subject may see it: nothing that identifies another account (their IDs,
 * and the address and browser they acted from) leaves with the export.
 */
export function ownAuditEntry(accountId: string, entry: AuditEntryInput): OwnAuditEntry {
  const actor =
    entry.actorAccountId === null
      ? null
      : entry.actorAccountId === accountId
        ? 'self'
        : 'another_account';
  const ownAccess = actor !== 'another_account';
  return {
    type: entry.type,
    occurredAt: entry.occurredAt,
    actor,
    clientIp: ownAccess ? entry.clientIp : null,
    userAgent: ownAccess ? entry.userAgent : null,
    payload: withoutOtherAccounts(accountId, entry.payload) as Record<string, unknown>,
  };
}

function withoutOtherAccounts(accountId: string, value: unknown): unknown {
  if (isUuid(value)) return value === accountId ? value : ANOTHER_ACCOUNT;
  if (Array.isArray(value)) return value.map((item) => withoutOtherAccounts(accountId, item));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withoutOtherAccounts(accountId, item)]),
    );
  return value;
}
