import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetStaffRolesQuery, GetLoginCooldownQuery } from '../../../authentication/public-api';
import type { LoginCooldownState, StaffRole } from '../../../authentication/public-api';
import { GetTwoFactorStatusQuery } from '../../../two-factor/public-api';
import type { TwoFactorStatus } from '../../../two-factor/public-api';
import type { AccountStatus } from '../../../accounts/public-api';

export interface AccountBadges {
  passwordCooldown: boolean;
  twoFactorLocked: boolean;
  withdrawalRequested: boolean;
  renewalPending: boolean;
  staffRoles: StaffRole[];
}

export interface AccountFacts {
  cooldown: LoginCooldownState;
  twoFactor: TwoFactorStatus;
  staffRoles: StaffRole[];
}

/**
 * What support sees at a glance, asked of the contexts that own each fact through their public
 * queries (never their tables), one account at a time.
 */
@Injectable()
export class AccountBadgeReader {
  constructor(private readonly queries: QueryBus) {}

  async factsOf(account: { accountId: string; userId: string }): Promise<AccountFacts> {
    const cooldown = await this.queries.execute(new GetLoginCooldownQuery(account.userId));
    const twoFactor = await this.queries.execute(new GetTwoFactorStatusQuery(account.accountId));
    const staffRoles = await this.queries.execute(new GetStaffRolesQuery(account.accountId));
    return { cooldown, twoFactor, staffRoles };
  }

  badgesOf(
    account: { status: AccountStatus; renewalRequired: boolean },
    facts: AccountFacts,
  ): AccountBadges {
    return {
      passwordCooldown: facts.cooldown.coolingDownUntil !== null,
      twoFactorLocked: facts.twoFactor.locked,
      withdrawalRequested: account.status === 'withdrawal_requested',
      renewalPending: account.renewalRequired,
      staffRoles: facts.staffRoles,
    };
  }
}
