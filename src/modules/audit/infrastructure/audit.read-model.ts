import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { forkForReads } from '@app/platform';
import { AuditRecord } from '../domain/audit-record.entity';

/**
 * Every read behind the audit context's queries, in one place. Reads join the caller's transaction
 * when there is one and never ask the pool for a second connection (ADR 0006).
 */
@Injectable()
export class AuditReadModel {
  constructor(private readonly em: EntityManager) {}

  /** What the account did or underwent, newest first, at most `limit` (1–500) before `before`. */
  trailOf(accountId: string, page: { before?: Date; limit: number }): Promise<AuditRecord[]> {
    return forkForReads(this.em).find(
      AuditRecord,
      {
        $or: [{ subjectAccountId: accountId }, { actorAccountId: accountId }],
        ...(page.before ? { occurredAt: { $lt: page.before } } : {}),
      },
      {
        orderBy: { occurredAt: 'desc', eventId: 'desc' },
        limit: Math.min(Math.max(page.limit, 1), 500),
      },
    );
  }
}
