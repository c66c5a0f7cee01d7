import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { TransactionRunner, SecretHasher } from '@app/platform';
import { FindAccountForLoginQuery } from '../../../../accounts/public-api';
import type { AccountForLogin } from '../../../../accounts/public-api';
import { IssueTemporaryPasswordCommand } from '../../../../accounts/public-api';
import { GetTwoFactorStatusQuery } from '../../../../two-factor/public-api';
import { emailHash, normalizeEmail } from '../../../domain/recovery-secrets';
import { PasswordReissueRequested } from '../../../domain/recovery.events';
import type { ReissueOutcome } from '../../../domain/recovery.events';
import { RecoveryRateLimits } from '../../recovery-rate-limits';
import { RequestPasswordReissueCommand } from './request-password-reissue.command';

@CommandHandler(RequestPasswordReissueCommand)
export class RequestPasswordReissueHandler
  implements ICommandHandler<RequestPasswordReissueCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly hasher: SecretHasher,
    private readonly rateLimits: RecoveryRateLimits,
  ) {}

  async execute({ userId, email, clientIp }: RequestPasswordReissueCommand): Promise<void> {
    const address = emailHash(email);
    await this.rateLimits.enforce('password_reissue', { emailHash: address, userId, clientIp });

    const account = await this.queries.execute(new FindAccountForLoginQuery(userId));
    const outcome = await this.outcomeFor(account, email);

    await this.transactions.run(async (em) => {
      // Recovery keeps no state for a re-issue (the temporary password is authentication's), and
      // every outcome must leave the same trail: a fact no aggregate owns.
      this.transactions.publish(
        em,
        new PasswordReissueRequested({
          userId,
          accountId: account?.accountId ?? null,
          emailHash: address,
          outcome,
        }),
      );
      if (outcome === 'issued' && account) {
        // Joins this transaction; authentication hashes the temporary password and records the
        // event its mail template sends.
        await this.commands.execute(
          new IssueTemporaryPasswordCommand({
            accountId: account.accountId,
            userId: account.userId,
            email: account.email,
            language: account.language,
            reason: 'reissue',
          }),
        );
      } else {
        // The same argon2 work as an issue, so the response time does not tell the cases apart.
        await this.hasher.hashNothing();
      }
    });
  }

  private async outcomeFor(
    account: AccountForLogin | null,
    email: string,
  ): Promise<ReissueOutcome> {
    if (!account) return 'unknown_user_id';
    if (normalizeEmail(account.email) !== normalizeEmail(email)) return 'email_mismatch';
    const twoFactor = await this.queries.execute(new GetTwoFactorStatusQuery(account.accountId));
    return twoFactor.locked ? 'two_factor_locked' : 'issued';
  }
}
