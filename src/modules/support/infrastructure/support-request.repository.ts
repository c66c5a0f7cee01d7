import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { isUuid } from '@app/ddd';
import { SupportRequest } from '../domain/support-request.entity';
import { SupportRequestNotFoundError } from '../domain/support.errors';

/** Commands change a support request only under its row lock: concurrent replies queue here. */
@Injectable()
export class SupportRequestRepository {
  add(em: EntityManager, request: SupportRequest): void {
    em.persist(request);
  }

  /** Throws SUPPORT_REQUEST_NOT_FOUND for an unknown (or malformed) ID. */
  async lock(em: EntityManager, id: string): Promise<SupportRequest> {
    const request = isUuid(id)
      ? await em.findOne(
          SupportRequest,
          { id },
          { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
        )
      : null;
    if (!request) throw new SupportRequestNotFoundError();
    return request;
  }
}
