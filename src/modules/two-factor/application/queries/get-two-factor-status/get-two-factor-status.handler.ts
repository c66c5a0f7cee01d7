import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TwoFactorReadModel } from '../../../infrastructure/two-factor.read-model';
import { secondFactorSummaryOf } from '../second-factor-summary';
import { GetTwoFactorStatusQuery, TwoFactorStatus } from './get-two-factor-status.query';

@QueryHandler(GetTwoFactorStatusQuery)
export class GetTwoFactorStatusHandler implements IQueryHandler<GetTwoFactorStatusQuery> {
  constructor(private readonly twoFactor: TwoFactorReadModel) {}

  async execute({ accountId }: GetTwoFactorStatusQuery): Promise<TwoFactorStatus> {
    const account = await this.twoFactor.secondFactorOf(accountId);
    return {
      ...secondFactorSummaryOf(account),
      recoveryCodesRemaining: account?.enrolled
        ? await this.twoFactor.unusedRecoveryCodes(accountId)
        : 0,
    };
  }
}
