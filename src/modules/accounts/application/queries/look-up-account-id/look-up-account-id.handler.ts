import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AccountsReadModel } from '../../../infrastructure/accounts.read-model';
import { LookUpAccountIdQuery } from './look-up-account-id.query';

@QueryHandler(LookUpAccountIdQuery)
export class LookUpAccountIdHandler implements IQueryHandler<LookUpAccountIdQuery> {
  constructor(private readonly accounts: AccountsReadModel) {}

  execute({ userId }: LookUpAccountIdQuery): Promise<string | null> {
    return this.accounts.accountIdOf(userId);
  }
}
