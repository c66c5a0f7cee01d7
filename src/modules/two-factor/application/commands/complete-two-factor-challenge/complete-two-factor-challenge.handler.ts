import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { refuseAfterCommit, TransactionRunner } from '@app/platform';
import { AccountNotFoundError } from '../../../../accounts/public-api';
import { isEnrolling, isExpiredAt } from '../../../domain/two-factor-challenge.entity';
import { ChallengeExpiredError } from '../../../domain/two-factor.errors';
import { hashChallengeToken } from '../../../infrastructure/challenge-token';
import { Clock } from '../../../infrastructure/clock';
import { SecretCipher } from '../../../infrastructure/secret-cipher';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';
import { contactOf } from '../../account-directory';
import { RecoveryCodeIssuer } from '../../recovery-code-issuer';
import { SecondFactorChecker, rejectionError } from '../../second-factor-checker';
import {
  CompleteTwoFactorChallengeCommand,
  CompletedTwoFactorChallenge,
} from './complete-two-factor-challenge.command';

@CommandHandler(CompleteTwoFactorChallengeCommand)
export class CompleteTwoFactorChallengeHandler
  implements ICommandHandler<CompleteTwoFactorChallengeCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: TwoFactorRepository,
    private readonly checker: SecondFactorChecker,
    private readonly recoveryCodes: RecoveryCodeIssuer,
    private readonly cipher: SecretCipher,
    private readonly clock: Clock,
  ) {}

  async execute(command: CompleteTwoFactorChallengeCommand): Promise<CompletedTwoFactorChallenge> {
    const now = this.clock.now();
    const tokenHash = hashChallengeToken(command.challengeToken);

    return this.transactions.run(async (em): Promise<CompletedTwoFactorChallenge> => {
      const locked = await this.repository.lockChallenge(em, tokenHash);
      const secret = locked?.challenge.encryptedPendingSecret ?? locked?.account.encryptedSecret;
      if (!locked || !secret || isExpiredAt(locked.challenge, now))
        throw new ChallengeExpiredError();
      const { account, challenge, accountForLogin } = locked;
      // As `AccountDirectory.contactOf` answers: nothing is judged or counted for a withdrawn account.
      if (!accountForLogin) throw new AccountNotFoundError();
      const contact = contactOf(accountForLogin);

      const plainSecret = this.cipher.decrypt(secret, account.accountId);
      const outcome = await this.checker.confirm(em, account, contact, {
        secret: plainSecret,
        code: command.code,
        now,
        recoveryCodesAllowed: !isEnrolling(challenge),
      });
      // The refusal commits: a wrong code stays counted towards the lock, even when this step runs
      // inside the login's transaction.
      if (!outcome.accepted) throw refuseAfterCommit(rejectionError(outcome));

      await this.repository.deleteChallenges(em, account.accountId);
      const value: CompletedTwoFactorChallenge = {
        accountId: account.accountId,
        account: accountForLogin,
        afterTemporaryPassword: challenge.afterTemporaryPassword,
      };
      if (challenge.encryptedPendingSecret) {
        account.completeEnrollment(challenge.encryptedPendingSecret, contact, now);
        value.recoveryCodes = await this.recoveryCodes.issue(em, account.accountId, now);
      } else if (!this.cipher.isCurrent(secret)) {
        account.rotateSecretEncryption(this.cipher.encrypt(plainSecret, account.accountId));
      }
      return value;
    });
  }
}
