import type { QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GuessBudget } from '../domain/guess-budget';

/** The columns of a `GuessBudget`, as a statement returns them (timestamps as the database's text). */
export interface GuessBudgetRow {
  consecutive_failures: number;
  attempts_in_flight: number;
  last_reserved_at: string | null;
  cooldown_until: string | null;
}

export const GUESS_BUDGET_COLUMNS =
  '"consecutive_failures", "attempts_in_flight", "last_reserved_at", "cooldown_until"';

/** Where one kind of budget lives: its table and the key of one row. */
export interface GuessBudgetTable {
  /** Schema-qualified and quoted. */
  name: string;
  /** The primary key's column and value. */
  key: [column: string, value: string];
  /** Further columns a new row is created with. */
  extra?: Record<string, string>;
}

/** A sub-select answering one budget row as a JSON value, null when there is none (one `?`: the key). */
export const guessBudgetRowSql = (table: string, keyColumn: string): string =>
  `(select row_to_json(b) from (select ${GUESS_BUDGET_COLUMNS} from ${table}
     where "${keyColumn}" = ?) b)`;

/** Like `guessBudgetRowSql`, every column, the row locked (one `?`: the key). */
export const guessBudgetLockSql = (table: string, keyColumn: string): string =>
  `(select row_to_json(b) from (select * from ${table} where "${keyColumn}" = ? for update) b)`;

/** `budget` holding the state of `row` (a budget never seen before holds nothing). */
export function restoreGuessBudget<T extends GuessBudget>(
  budget: T,
  row: GuessBudgetRow | null,
): T {
  if (!row) return budget;
  budget.consecutiveFailures = row.consecutive_failures;
  budget.attemptsInFlight = row.attempts_in_flight;
  budget.lastReservedAt = dateOf(row.last_reserved_at);
  budget.cooldownUntil = dateOf(row.cooldown_until);
  return budget;
}

/**
 * Stores `next` in one autocommitted statement, but only while the row still holds `seen` exactly
 * (or, when `seen` is null, only while there is no row): a compare-and-set. The new state is a pure
 * function of the old one and the clock, so a write that finds the state it computed from is as
 * good as one made under the row lock; one that lost a race writes nothing and answers false.
 */
export async function storeIfUnchanged(
  em: EntityManager,
  table: GuessBudgetTable,
  seen: GuessBudgetRow | null,
  next: GuessBudget,
): Promise<boolean> {
  const state = [
    next.consecutiveFailures,
    next.attemptsInFlight,
    next.lastReservedAt,
    next.cooldownUntil,
  ];
  const [keyColumn, key] = table.key;
  const connection = em.getConnection();
  if (!seen) {
    const extra = Object.entries(table.extra ?? {});
    const columns = [keyColumn, ...extra.map(([column]) => column)].map((c) => `"${c}"`);
    const { affectedRows } = await connection.execute<QueryResult>(
      `insert into ${table.name} (${columns.join(', ')}, ${GUESS_BUDGET_COLUMNS})
       values (${[...columns, ...state].map(() => '?').join(', ')})
       on conflict ("${keyColumn}") do nothing`,
      [key, ...extra.map(([, value]) => value), ...state],
      'run',
    );
    return affectedRows === 1;
  }
  const { affectedRows } = await connection.execute<QueryResult>(
    `update ${table.name}
     set "consecutive_failures" = ?, "attempts_in_flight" = ?, "last_reserved_at" = ?,
         "cooldown_until" = ?
     where "${keyColumn}" = ? and "consecutive_failures" = ? and "attempts_in_flight" = ?
       and "last_reserved_at" is not distinct from ?::timestamptz
       and "cooldown_until" is not distinct from ?::timestamptz`,
    [
      ...state,
      key,
      seen.consecutive_failures,
      seen.attempts_in_flight,
      seen.last_reserved_at,
      seen.cooldown_until,
    ],
    'run',
  );
  return affectedRows === 1;
}

const dateOf = (stored: string | null): Date | null => (stored === null ? null : new Date(stored));
