import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { isUuid } from '@app/ddd';
import { forkForReads } from '@app/platform';
import type { SupportStatus } from '../domain/support-request-category';
import { SupportRequest } from '../domain/support-request.entity';

/**
 * Every read behind the support context's queries, in one place. Reads join the caller's
 * transaction when there is one and never ask the pool for a second connection (ADR 0006).
 */
@Injectable()
export class SupportReadModel {
  constructor(private readonly em: EntityManager) {}

  /** Oldest first: the inbox is worked through in the order customers wrote. */
  inbox(
    status: SupportStatus,
    { limit, offset }: { limit: number; offset: number },
  ): Promise<[SupportRequest[], number]> {
    return forkForReads(this.em).findAndCount(
      SupportRequest,
      { status },
      { orderBy: { receivedAt: 'asc', id: 'asc' }, limit, offset },
    );
  }

  byId(id: string): Promise<SupportRequest | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return forkForReads(this.em).findOne(SupportRequest, { id });
  }

  /** The account's requests that are not closed, oldest first. */
  openFor(accountId: string): Promise<SupportRequest[]> {
    return forkForReads(this.em).find(
      SupportRequest,
      { accountId, status: { $ne: 'closed' } },
      { orderBy: { receivedAt: 'asc', id: 'asc' }, limit: 100 },
    );
  }
}
