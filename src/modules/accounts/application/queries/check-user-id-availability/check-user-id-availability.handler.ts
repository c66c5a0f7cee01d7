import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UserId } from '../../../domain/user-id';
import { AccountsReadModel } from '../../../infrastructure/accounts.read-model';
import { CheckUserIdAvailabilityQuery } from './check-user-id-availability.query';

@QueryHandler(CheckUserIdAvailabilityQuery)
export class CheckUserIdAvailabilityHandler implements IQueryHandler<CheckUserIdAvailabilityQuery> {
  constructor(private readonly accounts: AccountsReadModel) {}

  async execute(query: CheckUserIdAvailabilityQuery): Promise<{ available: boolean }> {
    const userId = UserId.parse(query.userId);
    return { available: !(await this.accounts.isUserIdTaken(userId.uniquenessKey)) };
  }
}
