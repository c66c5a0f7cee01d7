import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import {
  forkForReads,
  RateLimiter,
  refuseAfterCommit,
  RequestContext,
  SecretHasher,
  TooManyRequestsError,
  TransactionRunner,
} from '@app/platform';
import { FindAccountForLoginQuery } from '../../../../accounts/public-api';
import type { AccountForLogin } from '../../../../accounts/public-api';
import {
  AccountLockedError,
  GetSecondFactorRequirementQuery,
  StartTwoFactorChallengeCommand,
} from '../../../../two-factor/public-api';
import {
  LoginFailed,
  LoginPasswordAccepted,
  LoginSucceeded,
  LoginThrottled,
} from '../../../domain/authentication.events';
import type { LoginFailureReason } from '../../../domain/authentication.events';
import { InvalidCredentialsError } from '../../../domain/authentication.errors';
import { Credential } from '../../../domain/credential.entity';
import { StaffRoleAssignment } from '../../../domain/staff-role-assignment.entity';
import { AuthenticationSettings } from '../../authentication-settings';
import { LoginAttempts } from '../../login-attempts';
import type { LoginOutcome } from '../../login-outcome';
import { PasswordCheck } from '../../password-check';
import type { PasswordMatch } from '../../password-check';
import { StartSessionCommand } from '../start-session/start-session.command';
import { LogInWithPasswordCommand } from './log-in-with-password.command';

/**
 * Order matters: the client-IP limit and the input bounds cost nothing; the per-ID attempt is
 * reserved before any hashing; hashing runs outside transactions; and the final transaction locks
 * the credential so that a temporary password opens exactly one login however many race for it.
 */
@CommandHandler(LogInWithPasswordCommand)
export class LogInWithPasswordHandler implements ICommandHandler<LogInWithPasswordCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly transactions: TransactionRunner,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly attempts: LoginAttempts,
    private readonly check: PasswordCheck,
    private readonly hasher: SecretHasher,
    private readonly rateLimiter: RateLimiter,
    private readonly context: RequestContext,
    private readonly settings: AuthenticationSettings,
  ) {}

  async execute({ userId, password }: LogInWithPasswordCommand): Promise<LoginOutcome> {
    await this.enforceClientIpLimit(userId);
    if (
      userId.length > this.settings.userIdMaxLength ||
      password.length > this.settings.passwordMaxLength
    ) {
      return this.fail(userId, null, 'input_too_long', { reserved: false });
    }

    const account = await this.queries.execute(new FindAccountForLoginQuery(userId));
    await this.attempts.reserve(userId, account?.accountId ?? null);

    const usable = account && account.status !== 'withdrawn' ? account : null;
    const credential = usable
      ? await forkForReads(this.em).findOne(Credential, { accountId: usable.accountId })
      : null;
    const now = new Date();
    const match = await this.check.match(credential, password, {
      temporaryHash: credential?.hasUsableTemporaryPassword(now)
        ? credential.temporaryPasswordHash
        : null,
    });
    if (!usable || !credential || !match) {
      return this.fail(
        userId,
        account?.accountId ?? null,
        !account ? 'unknown_user_id' : !usable ? 'account_withdrawn' : 'wrong_password',
        { reserved: true },
      );
    }
    return this.continueAfterPassword(usable, credential, match, password);
  }

  private async continueAfterPassword(
    account: AccountForLogin,
    credential: Credential,
    match: PasswordMatch,
    password: string,
  ): Promise<LoginOutcome> {
    const { accountId, userId } = account;
    const staff = (await forkForReads(this.em).count(StaffRoleAssignment, { accountId })) > 0;
    const requirement = await this.queries.execute(
      new GetSecondFactorRequirementQuery(accountId, { mandatory: staff }),
    );
    const upgradedHash =
      match.kind === 'password' && this.hasher.needsRehash(match.verifiedHash)
        ? await this.hasher.hash(password)
        : null;

    return this.transactions.run(async (em): Promise<LoginOutcome> => {
      const locked = await em.findOneOrFail(
        Credential,
        { accountId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      await this.attempts.settleSuccess(em, userId);
      if (requirement.state === 'locked') {
        this.transactions.publish(em, new LoginFailed(userId, accountId, 'two_factor_locked'));
        throw refuseAfterCommit(new AccountLockedError());
      }
      if (
        match.kind === 'temporary_password' &&
        !locked.useTemporaryPassword(match.verifiedHash, new Date())
      ) {
        this.transactions.publish(
          em,
          new LoginFailed(userId, accountId, 'temporary_password_already_used'),
        );
        throw refuseAfterCommit(new InvalidCredentialsError());
      }
      if (upgradedHash) locked.upgradePasswordHash(match.verifiedHash, upgradedHash);
      const passwordChangeRequired =
        match.kind === 'temporary_password' || locked.mustChangePassword;

      if (
        requirement.state === 'verification_required' ||
        requirement.state === 'enrollment_required'
      ) {
        const challenge = await this.commands.execute(
          new StartTwoFactorChallengeCommand({
            accountId,
            userId,
            afterTemporaryPassword: passwordChangeRequired,
            mandatory: staff,
          }),
        );
        this.transactions.publish(
          em,
          new LoginPasswordAccepted({
            accountId,
            userId,
            next: requirement.state,
            usedTemporaryPassword: match.kind === 'temporary_password',
          }),
        );
        return challenge.enrollment
          ? {
              status: 'two_factor_enrollment_required',
              ...challenge,
              enrollment: challenge.enrollment,
            }
          : {
              status: 'two_factor_required',
              challengeToken: challenge.challengeToken,
              expiresAt: challenge.expiresAt,
            };
      }

      const scope = passwordChangeRequired ? 'password_change' : 'full';
      const session = await this.commands.execute(new StartSessionCommand(accountId, { scope }));
      this.transactions.publish(
        em,
        new LoginSucceeded({
          accountId,
          userId,
          sessionId: session.sessionId,
          scope,
          method: 'password',
          renewalRequired: account.renewalRequired,
        }),
      );
      return passwordChangeRequired
        ? { status: 'password_change_required', session }
        : { status: 'authenticated', session, renewalRequired: account.renewalRequired };
    });
  }

  private async enforceClientIpLimit(userId: string): Promise<void> {
    const ip = this.context.clientIp ?? 'unknown';
    const { limit, windowMs } = this.settings.clientIpLimit;
    const decision = await this.rateLimiter.consume(`login:ip:${ip}`, limit, windowMs);
    if (decision.allowed) return;
    await this.transactions.run((em) => {
      this.transactions.publish(
        em,
        new LoginThrottled(userId, null, 'client_ip', decision.retryAfterSeconds),
      );
      throw refuseAfterCommit(
        new TooManyRequestsError({ retryAfterSeconds: decision.retryAfterSeconds }),
      );
    });
  }

  private async fail(
    userId: string,
    accountId: string | null,
    reason: LoginFailureReason,
    { reserved }: { reserved: boolean },
  ): Promise<never> {
    return this.transactions.run(async (em): Promise<never> => {
      if (reserved) await this.attempts.settleFailure(em, userId);
      this.transactions.publish(em, new LoginFailed(userId, accountId, reason));
      throw refuseAfterCommit(new InvalidCredentialsError());
    });
  }
}
