import type { SecondFactorSummary } from '../../../accounts/public-api';
import type { TwoFactorAccount } from '../../domain/two-factor-account.entity';

/** What the second factor of an account looks like from outside; an account never enabled is all off. */
export function secondFactorSummaryOf(account: TwoFactorAccount | null): SecondFactorSummary {
  return {
    enabled: account?.enabled ?? false,
    enrolled: account?.enrolled ?? false,
    requiredByGroup: account?.requiredByGroup ?? false,
    locked: account?.locked ?? false,
  };
}
