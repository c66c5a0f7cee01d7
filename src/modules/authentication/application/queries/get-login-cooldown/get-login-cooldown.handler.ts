import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuthenticationReadModel } from '../../../infrastructure/authentication.read-model';
import { GetLoginCooldownQuery } from './get-login-cooldown.query';
import type { LoginCooldownState } from './get-login-cooldown.query';

@QueryHandler(GetLoginCooldownQuery)
export class GetLoginCooldownHandler implements IQueryHandler<GetLoginCooldownQuery> {
  constructor(private readonly readModel: AuthenticationReadModel) {}

  async execute({ userId }: GetLoginCooldownQuery): Promise<LoginCooldownState> {
    const throttle = await this.readModel.throttleOf(userId);
    const until = throttle?.cooldownUntil ?? null;
    const now = new Date();
    // An ended cool-down counts for nothing: the next attempt starts from zero.
    if (!throttle || (until && until <= now))
      return { coolingDownUntil: null, consecutiveFailures: 0 };
    return {
      coolingDownUntil: until ? until.toISOString() : null,
      consecutiveFailures: Math.max(0, throttle.settledFailures),
    };
  }
}
