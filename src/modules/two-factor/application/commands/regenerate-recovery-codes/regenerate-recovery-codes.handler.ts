import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { refuseAfterCommit, TransactionRunner } from '@app/platform';
import { TwoFactorNotEnrolledError } from '../../../domain/two-factor.errors';
import { Clock } from '../../../infrastructure/clock';
import { SecretCipher } from '../../../infrastructure/secret-cipher';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';
import { AccountDirectory } from '../../account-directory';
import { PasswordConfirmation } from '../../password-confirmation';
import { RecoveryCodeIssuer } from '../../recovery-code-issuer';
import { rejectionError, SecondFactorChecker } from '../../second-factor-checker';
import { RegenerateRecoveryCodesCommand } from './regenerate-recovery-codes.command';

@CommandHandler(RegenerateRecoveryCodesCommand)
export class RegenerateRecoveryCodesHandler
  implements ICommandHandler<RegenerateRecoveryCodesCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: TwoFactorRepository,
    private readonly checker: SecondFactorChecker,
    private readonly recoveryCodes: RecoveryCodeIssuer,
    private readonly cipher: SecretCipher,
    private readonly passwords: PasswordConfirmation,
    private readonly directory: AccountDirectory,
    private readonly clock: Clock,
  ) {}

  async execute(command: RegenerateRecoveryCodesCommand): Promise<string[]> {
    await this.passwords.confirm(command.accountId, command.password);
    const contact = await this.directory.contactOf(command.accountId);
    const now = this.clock.now();
    return this.transactions.run(async (em) => {
      const account = await this.repository.lock(em, command.accountId);
      if (!account?.encryptedSecret) throw new TwoFactorNotEnrolledError();
      const outcome = await this.checker.confirm(em, account, contact, {
        secret: this.cipher.decrypt(account.encryptedSecret, account.accountId),
        code: command.code,
        now,
        recoveryCodesAllowed: true,
      });
      if (!outcome.accepted) throw refuseAfterCommit(rejectionError(outcome));
      const codes = await this.recoveryCodes.issue(em, account.accountId, now);
      account.recoveryCodesRegenerated(codes.length);
      return codes;
    });
  }
}
