import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { RateLimiter, TransactionRunner, UnauthenticatedError } from '@app/platform';
import { GetAccountQuery } from '../../../../accounts/public-api';
import { GetAuditTrailQuery } from '../../../../audit/public-api';
import type { AuditEntryView } from '../../../../audit/public-api';
import { GetStaffRolesQuery, ListSessionsQuery } from '../../../../authentication/public-api';
import { GetMembershipQuery } from '../../../../groups/public-api';
import { GetTwoFactorStatusQuery } from '../../../../two-factor/public-api';
import { ownAuditEntry } from '../../../domain/own-audit-entry';
import { PersonalDataExported } from '../../../domain/privacy.events';
import { PrivacySettings } from '../../privacy-settings';
import { ExportPersonalDataCommand } from './export-personal-data.command';
import type { PersonalDataExport } from './export-personal-data.command';

const AUDIT_PAGE = 500;
/** More than any real account has; the export stays one bounded document. */
const AUDIT_MAX_ENTRIES = 20_000;

@CommandHandler(ExportPersonalDataCommand)
export class ExportPersonalDataHandler implements ICommandHandler<ExportPersonalDataCommand> {
  constructor(
    private readonly queries: QueryBus,
    private readonly limiter: RateLimiter,
    private readonly transactions: TransactionRunner,
    private readonly settings: PrivacySettings,
  ) {}

  async execute({ accountId, sessionId }: ExportPersonalDataCommand): Promise<PersonalDataExport> {
    await this.limiter.enforce([
      {
        key: `privacy:export:${accountId}`,
        limit: this.settings.PERSONAL_DATA_EXPORTS_PER_HOUR,
        windowMs: 3_600_000,
      },
    ]);
    const [account, twoFactor, membership, staffRoles, sessions, trail] = await Promise.all([
      this.queries.execute(new GetAccountQuery(accountId)),
      this.queries.execute(new GetTwoFactorStatusQuery(accountId)),
      this.queries.execute(new GetMembershipQuery(accountId)),
      this.queries.execute(new GetStaffRolesQuery(accountId)),
      this.queries.execute(new ListSessionsQuery(accountId, sessionId)),
      this.ownTrail(accountId),
    ]);
    if (!account) throw new UnauthenticatedError();
    await this.transactions.run((em) => {
      this.transactions.publish(
        em,
        new PersonalDataExported({ accountId, userId: account.userId }),
      );
      return Promise.resolve();
    });
    return {
      exportedAt: new Date().toISOString(),
      account: {
        accountId: account.accountId,
        userId: account.userId,
        type: account.type,
        status: account.status,
        language: account.language,
        email: account.email,
        profile: { ...account.profile },
        renewalRequired: account.renewalRequired,
      },
      twoFactor: {
        enabled: twoFactor.enabled,
        enrolled: twoFactor.enrolled,
        requiredByGroup: twoFactor.requiredByGroup,
        locked: twoFactor.locked,
      },
      group: membership,
      staffRoles: [...staffRoles],
      sessions: sessions.map((session) => ({
        scope: session.scope,
        createdAt: session.createdAt.toISOString(),
        lastSeenAt: session.lastSeenAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        clientIp: session.clientIp,
        userAgent: session.userAgent,
        current: session.current,
      })),
      auditTrail: trail.map((entry) => ownAuditEntry(accountId, entry)),
    };
  }

  /** What happened to the account (records whose subject it is), newest first. */
  private async ownTrail(accountId: string): Promise<AuditEntryView[]> {
    const entries: AuditEntryView[] = [];
    let before: Date | undefined;
    while (entries.length < AUDIT_MAX_ENTRIES) {
      const page = await this.queries.execute(
        new GetAuditTrailQuery(accountId, AUDIT_PAGE, before),
      );
      entries.push(...page.filter((entry) => entry.subjectAccountId === accountId));
      if (page.length < AUDIT_PAGE) break;
      before = new Date(page[page.length - 1].occurredAt);
    }
    return entries;
  }
}
