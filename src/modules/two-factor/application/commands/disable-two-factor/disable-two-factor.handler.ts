import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { refuseAfterCommit, TransactionRunner } from '@app/platform';
import { TwoFactorAccount } from '../../../domain/two-factor-account.entity';
import { TwoFactorCodeRequiredError } from '../../../domain/two-factor.errors';
import { Clock } from '../../../infrastructure/clock';
import { SecretCipher } from '../../../infrastructure/secret-cipher';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';
import { AccountDirectory } from '../../account-directory';
import { PasswordConfirmation } from '../../password-confirmation';
import { rejectionError, SecondFactorChecker } from '../../second-factor-checker';
import { DisableTwoFactorCommand } from './disable-two-factor.command';

@CommandHandler(DisableTwoFactorCommand)
export class DisableTwoFactorHandler implements ICommandHandler<DisableTwoFactorCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: TwoFactorRepository,
    private readonly checker: SecondFactorChecker,
    private readonly cipher: SecretCipher,
    private readonly passwords: PasswordConfirmation,
    private readonly directory: AccountDirectory,
    private readonly clock: Clock,
  ) {}

  async execute(command: DisableTwoFactorCommand): Promise<void> {
    await this.passwords.confirm(command.accountId, command.password);
    const contact = await this.directory.contactOf(command.accountId);
    const now = this.clock.now();
    await this.transactions.run(async (em) => {
      // Never switched on: nothing to store, but the rules (staff) still answer.
      const account =
        (await this.repository.lock(em, command.accountId)) ??
        TwoFactorAccount.open(command.accountId);
      account.assertMaySwitchOff({ staff: command.staff });
      if (account.encryptedSecret) {
        if (!command.code) throw new TwoFactorCodeRequiredError();
        const outcome = await this.checker.confirm(em, account, contact, {
          secret: this.cipher.decrypt(account.encryptedSecret, account.accountId),
          code: command.code,
          now,
          recoveryCodesAllowed: true,
        });
        if (!outcome.accepted) throw refuseAfterCommit(rejectionError(outcome));
      }
      account.switchOff(contact, { staff: command.staff });
      await this.repository.deleteRecoveryCodes(em, account.accountId);
      await this.repository.deleteChallenges(em, account.accountId);
    });
  }
}
