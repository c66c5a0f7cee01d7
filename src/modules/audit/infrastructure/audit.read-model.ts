import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { forkForReads } from '@app/platform';
import type { AuditTrailFilter } from '../application/queries/get-audit-trail/get-audit-trail.query';
import { AuditRecord } from '../domain/audit-record.entity';

/**
 * Every read behind the audit context's queries, in one place. Reads join the caller's transaction
 * when there is one and never ask the pool for a second connection (ADR 0006).
 */
@Injectable()
export class AuditReadModel {
  constructor(private readonly em: EntityManager) {}

  /**
   * What the account did or underwent, newest first, at most `limit` (1–500) before `before`,
   * optionally only of some types and within `[from, to)`.
   */
  trailOf(
    accountId: string,
    page: { before?: Date; limit: number },
    filter: AuditTrailFilter = {},
  ): Promise<AuditRecord[]> {
    const upTo = [page.before, filter.to].filter((d): d is Date => d !== undefined);
    const occurredAt = {
      ...(upTo.length > 0 ? { $lt: new Date(Math.min(...upTo.map((d) => d.getTime()))) } : {}),
      ...(filter.from ? { $gte: filter.from } : {}),
    };
    return forkForReads(this.em).find(
      AuditRecord,
      {
        $or: [{ subjectAccountId: accountId }, { actorAccountId: accountId }],
        ...(Object.keys(occurredAt).length > 0 ? { occurredAt } : {}),
        ...(filter.types?.length ? { type: { $in: filter.types } } : {}),
      },
      {
        orderBy: { occurredAt: 'desc', eventId: 'desc' },
        limit: Math.min(Math.max(page.limit, 1), 500),
      },
    );
  }

  /** The events of the staff actions taken for a support request, oldest first. */
  actionsFor(supportRequestId: string): Promise<AuditRecord[]> {
    return forkForReads(this.em).find(
      AuditRecord,
      { supportRequestId },
      { orderBy: { occurredAt: 'asc', eventId: 'asc' }, limit: 500 },
    );
  }
}
