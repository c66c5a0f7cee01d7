import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import {
  InvalidCredentialsError,
  refuseAfterCommit,
  SecretHasher,
  TransactionRunner,
} from '@app/platform';
import { GetAccountQuery } from '../../../../accounts/public-api';
import { PasswordChangeRejected } from '../../../domain/authentication.events';
import { PasswordPolicy } from '../../../domain/password-policy';
import { AuthenticationReadModel } from '../../../infrastructure/authentication.read-model';
import { CredentialRepository } from '../../../infrastructure/credential.repository';
import { SessionRepository } from '../../../infrastructure/session.repository';
import { AuthenticationSettings } from '../../authentication-settings';
import { LoginAttempts } from '../../login-attempts';
import { PasswordCheck } from '../../password-check';
import { RevokeSessionsCommand } from '../revoke-sessions/revoke-sessions.command';
import { ChangePasswordCommand } from './change-password.command';

@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly credentials: CredentialRepository,
    private readonly sessions: SessionRepository,
    private readonly reads: AuthenticationReadModel,
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

    // Read before the reservation, as the login does: a request that arrived while a parallel change
    // was in flight verifies against the password it knew and is refused as stale, not as a guess.
    const credential = await this.reads.credentialOf(actor.accountId);
    // The current password is guessable through this endpoint too: it shares the login's cool-down.
    await this.attempts.reserve(actor.userId, actor.accountId);
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
      const locked = await this.credentials.lockExisting(em, actor.accountId);
      // A parallel request changed the password after this one verified it: the password this
      // request knew is no longer the current one, so one change wins. Knowing it was no guess,
      // though: the attempt does not count towards the cool-down.
      if (!locked.acceptsAsCurrent(match.verifiedHash)) {
        await this.attempts.settleSuccess(em, actor.userId);
        locked.refuseStaleChange();
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
      if (actor.scope === 'password_change') await this.sessions.widenToFull(em, actor.sessionId);
    });
  }

  private async reject(
    actor: ChangePasswordCommand['actor'],
    { reserved }: { reserved: boolean },
  ): Promise<never> {
    return this.transactions.run(async (em): Promise<never> => {
      if (reserved) await this.attempts.settleRejectedPasswordChange(em, actor);
      // Refused before anything was read or counted: no aggregate records it.
      else
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
