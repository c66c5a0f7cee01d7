import { Query } from '@nestjs/cqrs';
import type { AccountDetail } from '../../../../accounts/public-api';
import type { AuditEntryView } from '../../../../audit/public-api';
import type { LoginCooldownState, SessionView } from '../../../../authentication/public-api';
import type { MembershipView } from '../../../../groups/public-api';
import type { TwoFactorStatus } from '../../../../two-factor/public-api';
import type { AccountBadges } from '../account-badges';
import type { SupportRequestSummary } from '../support-request-views';

/** Everything the console's account page shows, each part from the context that owns it. */
export interface SupportAccountView {
  account: AccountDetail;
  badges: AccountBadges;
  twoFactor: TwoFactorStatus;
  passwordCooldown: LoginCooldownState;
  group: MembershipView | null;
  sessions: Omit<SessionView, 'current'>[];
  lastLogins: AuditEntryView[];
  openSupportRequests: SupportRequestSummary[];
}

export class GetSupportAccountQuery extends Query<SupportAccountView | null> {
  constructor(readonly userId: string) {
    super();
  }
}
