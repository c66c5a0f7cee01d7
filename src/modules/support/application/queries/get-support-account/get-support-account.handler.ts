import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetAccountDetailQuery } from '../../../../accounts/public-api';
import { GetAuditTrailQuery } from '../../../../audit/public-api';
import { ListSessionsQuery, LoginSucceeded } from '../../../../authentication/public-api';
import { GetMembershipQuery } from '../../../../groups/public-api';
import { SupportReadModel } from '../../../infrastructure/support.read-model';
import { AccountBadgeReader } from '../account-badges';
import { toSupportRequestSummary } from '../support-request-views';
import { GetSupportAccountQuery } from './get-support-account.query';
import type { SupportAccountView } from './get-support-account.query';

const LAST_LOGINS = 10;

@QueryHandler(GetSupportAccountQuery)
export class GetSupportAccountHandler implements IQueryHandler<GetSupportAccountQuery> {
  constructor(
    private readonly queries: QueryBus,
    private readonly badges: AccountBadgeReader,
    private readonly readModel: SupportReadModel,
  ) {}

  async execute({ userId }: GetSupportAccountQuery): Promise<SupportAccountView | null> {
    const account = await this.queries.execute(new GetAccountDetailQuery(userId));
    if (!account) return null;
    const facts = await this.badges.factsOf(account);
    const group = await this.queries.execute(new GetMembershipQuery(account.accountId));
    // No session of the staff member is the account's: none is "current".
    const sessions = (await this.queries.execute(new ListSessionsQuery(account.accountId, ''))).map(
      ({ current: _current, ...session }) => session,
    );
    const lastLogins = await this.queries.execute(
      new GetAuditTrailQuery(account.accountId, LAST_LOGINS, undefined, {
        types: [LoginSucceeded.TYPE],
      }),
    );
    const now = new Date();
    const open = await this.readModel.openFor(account.accountId);
    return {
      account,
      badges: this.badges.badgesOf(account, facts),
      twoFactor: facts.twoFactor,
      passwordCooldown: facts.cooldown,
      group,
      sessions,
      lastLogins,
      openSupportRequests: open.map((r) => toSupportRequestSummary(r, now)),
    };
  }
}
