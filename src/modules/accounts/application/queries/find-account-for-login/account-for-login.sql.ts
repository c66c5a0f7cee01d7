import type { AccountStatus, AccountType, Language } from '../../../domain/account-type';
import type { AccountForLogin } from '../account-views';

/** One row of `ACCOUNT_FOR_LOGIN_SQL`. */
export interface AccountForLoginRow {
  account_id: string;
  user_id: string;
  type: AccountType;
  status: AccountStatus;
  email: string | null;
  language: Language;
  renewal_required: boolean;
}

const ACCOUNT_FOR_LOGIN_COLUMNS = `"id" as "account_id", "user_id", "type", "status", "email", "language",
    "renewal_requested_at" is not null as "renewal_required"`;

/**
 * The account a login names, as a sub-select for the login's one-statement read (ADR 0093): the
 * two placeholders take `accountForLoginParams(userId)`. Accounts keeps saying which columns mean
 * what; `accountForLoginOf` applies the rule of `FindAccountForLoginQuery` to the row.
 */
export const ACCOUNT_FOR_LOGIN_SQL = `select ${ACCOUNT_FOR_LOGIN_COLUMNS}
  from "accounts"."account" where lower("user_id") = ? and "user_id" = ?`;

/**
 * The same sub-select for the account whose id is in the column `accountId` of the caller's
 * statement, for the login's code step (ADR 0093), which knows the account only through its
 * challenge. Its row is mapped by `accountForLoginOf` too.
 */
export const accountForLoginByIdSql = (accountId: string): string =>
  `select ${ACCOUNT_FOR_LOGIN_COLUMNS}
  from "accounts"."account" where "id" = ${accountId}`;

/** IDs are unique without regard to case (the index on lower(user_id)), login is case-sensitive. */
export const accountForLoginParams = (userId: string): [string, string] => [
  userId.toLowerCase(),
  userId,
];

/** As `FindAccountForLoginQuery` answers: a withdrawn account is an unknown one. */
export function accountForLoginOf(row: AccountForLoginRow | null): AccountForLogin | null {
  if (!row || row.status === 'withdrawn' || row.email === null) return null;
  return {
    accountId: row.account_id,
    userId: row.user_id,
    type: row.type,
    status: row.status,
    email: row.email,
    language: row.language,
    renewalRequired: row.renewal_required,
  };
}
