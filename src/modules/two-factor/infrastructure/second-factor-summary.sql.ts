/**
 * `SecondFactorSummary` in SQL, for the accounts context's one-statement My Page (ADR 0095): the
 * same rules as `TwoFactorAccount.enrolled` and `.locked`, next to the table they read.
 */
export const SECOND_FACTOR_SUMMARY_SQL = `select "enabled", "encrypted_secret" is not null as "enrolled",
  "required_by_group", "locked_at" is not null as "locked"
  from "two_factor"."account" where "account_id" = ?`;
