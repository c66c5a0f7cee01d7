import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TwoFactorReadModel } from '../../../infrastructure/two-factor.read-model';
import {
  GetSecondFactorRequirementQuery,
  SecondFactorRequirement,
} from './get-second-factor-requirement.query';

@QueryHandler(GetSecondFactorRequirementQuery)
export class GetSecondFactorRequirementHandler
  implements IQueryHandler<GetSecondFactorRequirementQuery>
{
  constructor(private readonly twoFactor: TwoFactorReadModel) {}

  async execute({
    accountId,
    options,
  }: GetSecondFactorRequirementQuery): Promise<SecondFactorRequirement> {
    const account = await this.twoFactor.secondFactorOf(accountId);
    if (!account) {
      return {
        state: options.mandatory ? 'enrollment_required' : 'not_required',
        requiredByGroup: false,
        enabled: options.mandatory,
        enrolled: false,
      };
    }
    return {
      state: account.requirement(options.mandatory),
      requiredByGroup: account.requiredByGroup,
      enabled: account.enabled || options.mandatory,
      enrolled: account.enrolled,
    };
  }
}
