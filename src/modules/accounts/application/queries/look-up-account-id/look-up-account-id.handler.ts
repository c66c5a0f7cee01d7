import { raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { Account } from '../../../domain/account.entity';
import { LookUpAccountIdQuery } from './look-up-account-id.query';

@QueryHandler(LookUpAccountIdQuery)
export class LookUpAccountIdHandler implements IQueryHandler<LookUpAccountIdQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId }: LookUpAccountIdQuery): Promise<string | null> {
    const account = await forkForReads(this.em).findOne(
      Account,
      { [raw('lower(user_id)')]: userId.toLowerCase() },
      { fields: ['id'] },
    );
    return account?.id ?? null;
  }
}
