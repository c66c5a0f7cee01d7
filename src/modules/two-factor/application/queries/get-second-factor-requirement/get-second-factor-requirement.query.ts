import { Query } from '@nestjs/cqrs';

export type SecondFactorState =
  | 'not_required'
  | 'enrollment_required'
  | 'verification_required'
  | 'locked';

export interface SecondFactorRequirement {
  state: SecondFactorState;
  requiredByGroup: boolean;
  enabled: boolean;
  enrolled: boolean;
}

/**
 * Asked by the login flow after a correct password: what the second step must be.
 * `mandatory` is set for staff accounts, which need a second factor even if they never switched it on.
 */
export class GetSecondFactorRequirementQuery extends Query<SecondFactorRequirement> {
  constructor(
    readonly accountId: string,
    readonly options: { mandatory: boolean },
  ) {
    super();
  }
}
