import { Query } from '@nestjs/cqrs';

export interface SecondFactorSummary {
  enabled: boolean;
  enrolled: boolean;
  requiredByGroup: boolean;
  locked: boolean;
}

/**
 * The second-factor part of My Page and of the support view of an account. Declared here, on the
 * side that shows it; the two-factor context answers it.
 */
export class GetSecondFactorSummaryQuery extends Query<SecondFactorSummary> {
  constructor(readonly accountId: string) {
    super();
  }
}

/**
 * The same summary as a piece of SQL, so that My Page answers in one statement (ADR 0095). The
 * two-factor context writes it and alone names its tables: a `select` of at most one row for the
 * account id bound to its only `?`, with the boolean columns `enabled`, `enrolled`,
 * `required_by_group` and `locked`; no row means all off. The answer never changes while the
 * process runs, so the asker may keep it.
 */
export class GetSecondFactorSummarySqlQuery extends Query<string> {}
