import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { forkForReads, refuseAfterCommit, SecretHasher, TransactionRunner } from '@app/platform';
import { GetAccountQuery } from '../../../../accounts/public-api';
import { PasswordChangeRejected } from '../../../domain/authentication.events';
import { InvalidCredentialsError } from '@app/platform';
import { Credential } from '../../../domain/credential.entity';
import { PasswordPolicy } from '../../../domain/password-policy';
import { Session } from '../../../domain/session.entity';
import { AuthenticationSettings } from '../../authentication-settings';
import { LoginAttempts } from '../../login-attempts';
import { PasswordCheck } from '../../password-check';
import { RevokeSessionsCommand } from '../revoke-sessions/revoke-sessions.command';
import { ChangePasswordCommand } from './change-password.command';

@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly transactions: TransactionRunner,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly policy: PasswordPolicy,
    private readonly hasher: SecretHasher,
    private readonly check: PasswordCheck,
    private readonly attempts: LoginAttempts,
    private readonly settings: AuthenticationSettings,
  ) {}

  async execute({ actor, currentPassword, newPassword }: ChangePasswordCommand): Promise<void> {
    this.policy.enforce(newPassword, actor.userId);
    if (currentPassword.length > this.settings.passwordMaxLength)
      await this.reject(actor, { reserved: false });

    // The current password is guessable through this endpoint too: it shares the login's cool-down.
    await this.attempts.reserve(actor.userId, actor.accountId);
    const credential = await forkForReads(this.em).findOne(Credential, {
      accountId: actor.accountId,
    });
    // After a temporary-password login, the temporary password it used is the "current" one.
    const temporaryHash =
      actor.scope === 'password_change' ? (credential?.usedTemporaryPasswordHash ?? null) : null;
    const match = await this.check.match(credential, currentPassword, { temporaryHash });
    if (!credential || !match) return this.reject(actor, { reserved: true });

    const [hash, account] = await Promise.all([
      this.hasher.hash(newPassword),
      this.queries.execute(new GetAccountQuery(actor.accountId)),
    ]);
    await this.transactions.run(async (em) => {
      const locked = await em.findOneOrFail(
        Credential,
        { accountId: actor.accountId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      // A parallel request changed the password after this one verified it: the password this
      // request knew is no longer the current one, so one change wins. Knowing it was no guess,
      // though: the attempt does not count towards the cool-down.
      if (!locked.acceptsAsCurrent(match.verifiedHash)) {
        await this.attempts.settleSuccess(em, actor.userId);
        this.transactions.publish(
          em,
          new PasswordChangeRejected({
            accountId: actor.accountId,
            reason: 'wrong_current_password',
          }),
        );
        throw refuseAfterCommit(new InvalidCredentialsError());
      }
      locked.changePassword(hash, new Date(), {
        email: account?.email ?? null,
        language: account?.language ?? 'ja',
      });
      await this.attempts.settleSuccess(em, actor.userId);
      await this.commands.execute(
        new RevokeSessionsCommand(actor.accountId, {
          exceptSessionId: actor.sessionId,
          reason: 'password_changed',
        }),
      );
      if (actor.scope === 'password_change')
        await em.nativeUpdate(Session, { id: actor.sessionId }, { scope: 'full' });
    });
  }

  private async reject(
    actor: ChangePasswordCommand['actor'],
    { reserved }: { reserved: boolean },
  ): Promise<never> {
    return this.transactions.run(async (em): Promise<never> => {
      if (reserved) await this.attempts.settleFailure(em, actor.userId);
      this.transactions.publish(
        em,
        new PasswordChangeRejected({
          accountId: actor.accountId,
          reason: 'wrong_current_password',
        }),
      );
      throw refuseAfterCommit(new InvalidCredentialsError());
    });
  }
}
