import type { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  InvalidCredentialsError,
  RateLimiter,
  refuseAfterCommit,
  RequestContext,
  SecretHasher,
  TooManyRequestsError,
  TransactionRunner,
} from '@app/platform';
import {
  AccountLockedError,
  StartTwoFactorChallengeCommand,
} from '../../../../two-factor/public-api';
import { LoginFailed, LoginThrottled } from '../../../domain/authentication.events';
import type { LoginFailureReason } from '../../../domain/authentication.events';
import { Credential } from '../../../domain/credential.entity';
import { AuthenticationSettings } from '../../authentication-settings';
import { DeviceCookies } from '../../device-cookies';
import { LoginAttempts } from '../../login-attempts';
import type { ReservedAttempt } from '../../login-attempts';
import { LoginFactsReader } from '../../login-facts';
import type { LoginFacts } from '../../login-facts';
import type { LoginOutcome } from '../../login-outcome';
import { PasswordCheck } from '../../password-check';
import type { PasswordMatch } from '../../password-check';
import { StartSessionCommand } from '../start-session/start-session.command';
import { LogInWithPasswordCommand } from './log-in-with-password.command';

type Usable = Extract<LoginFacts, { kind: 'usable' }>;

/**
 * The password step (docs/login.md walks it): the cheap refusals first, then everything the step
 * decides on read once, the attempt reserved against the cool-down, the password hashed outside any
 * transaction, and the outcome — refusal, second step or session — committed in one transaction.
 */
@CommandHandler(LogInWithPasswordCommand)
export class LogInWithPasswordHandler implements ICommandHandler<LogInWithPasswordCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly commands: CommandBus,
    private readonly facts: LoginFactsReader,
    private readonly attempts: LoginAttempts,
    private readonly deviceCookies: DeviceCookies,
    private readonly check: PasswordCheck,
    private readonly hasher: SecretHasher,
    private readonly rateLimiter: RateLimiter,
    private readonly context: RequestContext,
    private readonly settings: AuthenticationSettings,
  ) {}

  async execute({
    userId,
    password,
    deviceCookie,
  }: LogInWithPasswordCommand): Promise<LoginOutcome> {
    await this.enforceClientIpLimit(userId);
    if (
      userId.length > this.settings.userIdMaxLength ||
      password.length > this.settings.passwordMaxLength
    ) {
      return this.refuse(userId, null, 'input_too_long', { reserved: null });
    }

    const device = this.deviceCookies.recognise(deviceCookie, userId);
    const facts = await this.facts.read(userId, device);
    const accountId = facts.kind === 'unknown_user_id' ? null : facts.account.accountId;
    const reserved = await this.attempts.reserve(userId, accountId, device, facts.budgets);

    const credential = facts.kind === 'usable' ? facts.credential : null;
    // Every refusal costs the same two verifications, whether or not the ID exists.
    const match = await this.check.match(credential, password, {
      temporaryHash: credential
        ? Credential.usableTemporaryPasswordHash(credential, new Date())
        : null,
    });
    if (facts.kind !== 'usable' || !match) {
      const reason = facts.kind === 'usable' ? 'wrong_password' : facts.kind;
      return this.refuse(userId, accountId, reason, { reserved });
    }
    const upgradedHash =
      match.kind === 'password' && this.hasher.needsRehash(match.verifiedHash)
        ? await this.hasher.hash(password)
        : null;
    const outcome = await this.transactions.run((em) =>
      this.accept(em, facts, match, upgradedHash, reserved),
    );
    return { ...outcome, deviceCookie: this.deviceCookies.issue(facts.account.userId) };
  }

  /** The password was right: settle the attempt and open the second step or the session. */
  private async accept(
    em: EntityManager,
    { account, staff, requirement }: Usable,
    match: PasswordMatch,
    upgradedHash: string | null,
    reserved: ReservedAttempt,
  ): Promise<LoginOutcome> {
    const { accountId, userId } = account;
    // Locked so that a temporary password opens exactly one login however many race for it.
    const { credential, budget } = await this.attempts.lockForAcceptance(
      em,
      accountId,
      userId,
      reserved,
    );
    await this.attempts.settleSuccess(em, userId, reserved, budget);
    if (requirement.state === 'locked') {
      credential.refuseLogin('two_factor_locked');
      throw refuseAfterCommit(new AccountLockedError());
    }
    const usedTemporaryPassword = match.kind === 'temporary_password';
    if (usedTemporaryPassword && !credential.useTemporaryPassword(match.verifiedHash, new Date())) {
      credential.refuseLogin('temporary_password_already_used');
      throw refuseAfterCommit(new InvalidCredentialsError());
    }
    if (upgradedHash) credential.upgradePasswordHash(match.verifiedHash, upgradedHash);
    const passwordChangeRequired = usedTemporaryPassword || credential.mustChangePassword;

    if (requirement.state !== 'not_required') {
      const challenge = await this.commands.execute(
        new StartTwoFactorChallengeCommand({
          accountId,
          userId,
          afterTemporaryPassword: passwordChangeRequired,
          mandatory: staff,
        }),
      );
      credential.acceptPasswordStep(requirement.state, usedTemporaryPassword);
      const { challengeToken, expiresAt, enrollment } = challenge;
      return enrollment
        ? { status: 'two_factor_enrollment_required', challengeToken, expiresAt, enrollment }
        : { status: 'two_factor_required', challengeToken, expiresAt };
    }

    const scope = passwordChangeRequired ? 'password_change' : 'full';
    const { renewalRequired } = account;
    const session = await this.commands.execute(
      new StartSessionCommand(accountId, { scope, login: { method: 'password', renewalRequired } }),
    );
    return passwordChangeRequired
      ? { status: 'password_change_required', session }
      : { status: 'authenticated', session, renewalRequired };
  }

  private async enforceClientIpLimit(userId: string): Promise<void> {
    const ip = this.context.clientIp ?? 'unknown';
    const { limit, windowMs } = this.settings.clientIpLimit;
    const decision = await this.rateLimiter.consume(`login:ip:${ip}`, limit, windowMs);
    if (decision.allowed) return;
    const { retryAfterSeconds } = decision;
    // The count is in Redis: no aggregate of ours changed, so the fact is published as it is.
    await this.transactions.run((em) => {
      this.transactions.publish(
        em,
        new LoginThrottled({ userId, accountId: null, limit: 'client_ip', retryAfterSeconds }),
      );
      throw refuseAfterCommit(new TooManyRequestsError({ retryAfterSeconds }));
    });
  }

  private refuse(
    userId: string,
    accountId: string | null,
    reason: LoginFailureReason,
    { reserved }: { reserved: ReservedAttempt | null },
  ): Promise<never> {
    return this.transactions.run(async (em): Promise<never> => {
      if (reserved)
        await this.attempts.settleFailedLogin(em, { userId, accountId, reason }, reserved);
      // Refused before anything was read or counted: no aggregate records it.
      else this.transactions.publish(em, new LoginFailed({ userId, accountId, reason }));
      throw refuseAfterCommit(new InvalidCredentialsError());
    });
  }
}
