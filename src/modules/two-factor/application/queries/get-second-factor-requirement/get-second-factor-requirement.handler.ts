import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';
import {
  GetSecondFactorRequirementQuery,
  SecondFactorRequirement,
} from './get-second-factor-requirement.query';

@QueryHandler(GetSecondFactorRequirementQuery)
export class GetSecondFactorRequirementHandler
  implements IQueryHandler<GetSecondFactorRequirementQuery>
{
  constructor(
    private readonly em: EntityManager,
    private readonly repository: TwoFactorRepository,
  ) {}

  async execute({
    accountId,
    options,
  }: GetSecondFactorRequirementQuery): Promise<SecondFactorRequirement> {
    const account = await this.repository.find(forkForReads(this.em), accountId);
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
