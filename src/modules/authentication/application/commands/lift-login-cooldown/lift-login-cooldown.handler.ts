import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { LoginThrottleRepository } from '../../../infrastructure/login-throttle.repository';
import { LiftLoginCooldownCommand } from './lift-login-cooldown.command';

@CommandHandler(LiftLoginCooldownCommand)
export class LiftLoginCooldownHandler implements ICommandHandler<LiftLoginCooldownCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly throttles: LoginThrottleRepository,
  ) {}

  execute({ account, byAccountId }: LiftLoginCooldownCommand): Promise<{ lifted: boolean }> {
    return this.transactions.run(async (em) => {
      const throttle = await this.throttles.lock(em, account.userId);
      const lifted = throttle?.liftCooldown(new Date(), { ...account, byAccountId }) ?? false;
      return { lifted };
    });
  }
}
