import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InvalidCredentialsError, refuseAfterCommit, TransactionRunner } from '@app/platform';
import { CompleteTwoFactorChallengeCommand } from '../../../../two-factor/public-api';
import { LoginFailed } from '../../../domain/authentication.events';
import type { LoginOutcome } from '../../login-outcome';
import { StartSessionCommand } from '../start-session/start-session.command';
import { CompleteTwoFactorLoginCommand } from './complete-two-factor-login.command';

@CommandHandler(CompleteTwoFactorLoginCommand)
export class CompleteTwoFactorLoginHandler
  implements ICommandHandler<CompleteTwoFactorLoginCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly commands: CommandBus,
  ) {}

  async execute({ challengeToken, code }: CompleteTwoFactorLoginCommand): Promise<LoginOutcome> {
    // One transaction for the step: a wrong code is refused after it committed (it counts towards
    // the two-factor lock), a right one opens the session in the same commit.
    return this.transactions.run(async (em): Promise<LoginOutcome> => {
      const completed = await this.commands.execute(
        new CompleteTwoFactorChallengeCommand(challengeToken, code),
      );
      const { account } = completed;
      if (account.status === 'withdrawn') {
        // The account is gone and with it its credential: no aggregate of ours records this.
        this.transactions.publish(
          em,
          new LoginFailed({
            userId: account.userId,
            accountId: completed.accountId,
            reason: 'account_withdrawn',
          }),
        );
        throw refuseAfterCommit(new InvalidCredentialsError());
      }
      const scope = completed.afterTemporaryPassword ? 'password_change' : 'full';
      const login = {
        method: 'password_and_two_factor' as const,
        renewalRequired: account.renewalRequired,
      };
      const session = await this.commands.execute(
        new StartSessionCommand(account.accountId, { scope, login, userId: account.userId }),
      );
      const recoveryCodes = completed.recoveryCodes
        ? { recoveryCodes: completed.recoveryCodes }
        : {};
      return completed.afterTemporaryPassword
        ? { status: 'password_change_required', session, ...recoveryCodes }
        : {
            status: 'authenticated',
            session,
            renewalRequired: account.renewalRequired,
            ...recoveryCodes,
          };
    });
  }
}
