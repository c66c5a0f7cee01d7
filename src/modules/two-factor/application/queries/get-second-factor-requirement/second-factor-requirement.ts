import { secondFactorStateOf } from '../../../domain/two-factor-account.entity';
import type { SecondFactorRequirement } from './get-second-factor-requirement.query';

/** An account's two-factor facts as `SECOND_FACTOR_FACTS_SQL` answers them; null without a row. */
export interface SecondFactorFacts {
  enabled: boolean;
  requiredByGroup: boolean;
  enrolled: boolean;
  locked: boolean;
}

/**
 * The two-factor facts of the account whose id is in the column or placeholder `accountId`, as one
 * JSON value (null when two-factor was never touched for it). A sub-select for the login's
 * one-statement read (ADR 0093): two-factor keeps saying which of its columns mean what.
 */
export const secondFactorFactsSql = (accountId: string): string =>
  `(select json_build_object(
      'enabled', tf."enabled", 'requiredByGroup', tf."required_by_group",
      'enrolled', tf."encrypted_secret" is not null, 'locked', tf."locked_at" is not null)
    from "two_factor"."account" tf where tf."account_id" = ${accountId})`;

/** What the second step must be; `mandatory` for staff accounts. */
export function secondFactorRequirementOf(
  facts: SecondFactorFacts | null,
  mandatory: boolean,
): SecondFactorRequirement {
  if (!facts) {
    return {
      state: mandatory ? 'enrollment_required' : 'not_required',
      requiredByGroup: false,
      enabled: mandatory,
      enrolled: false,
    };
  }
  return {
    state: secondFactorStateOf(facts, mandatory),
    requiredByGroup: facts.requiredByGroup,
    enabled: facts.enabled || mandatory,
    enrolled: facts.enrolled,
  };
}
