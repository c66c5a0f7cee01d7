import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TwoFactorReadModel } from '../../../infrastructure/two-factor.read-model';
import {
  GetSecondFactorRequirementQuery,
  SecondFactorRequirement,
} from './get-second-factor-requirement.query';
import { secondFactorRequirementOf } from './second-factor-requirement';

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
    return secondFactorRequirementOf(account, options.mandatory);
  }
}
