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
