import { raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { Account } from '../../../domain/account.entity';
import { UserId } from '../../../domain/user-id';
import { CheckUserIdAvailabilityQuery } from './check-user-id-availability.query';

@QueryHandler(CheckUserIdAvailabilityQuery)
export class CheckUserIdAvailabilityHandler implements IQueryHandler<CheckUserIdAvailabilityQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute(query: CheckUserIdAvailabilityQuery): Promise<{ available: boolean }> {
    const userId = UserId.parse(query.userId);
    const taken = await forkForReads(this.em).count(Account, {
      [raw('lower(user_id)')]: userId.uniquenessKey,
    });
    return { available: taken === 0 };
  }
}
