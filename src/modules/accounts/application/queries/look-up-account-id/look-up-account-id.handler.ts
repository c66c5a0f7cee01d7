import { raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Account } from '../../../domain/account.entity';
import { LookUpAccountIdQuery } from './look-up-account-id.query';

@QueryHandler(LookUpAccountIdQuery)
export class LookUpAccountIdHandler implements IQueryHandler<LookUpAccountIdQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId }: LookUpAccountIdQuery): Promise<string | null> {
    const account = await this.em
      .fork()
      .findOne(Account, { [raw('lower(user_id)')]: userId.toLowerCase() }, { fields: ['id'] });
    return account?.id ?? null;
  }
}
