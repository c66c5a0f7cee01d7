import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { SetInitialPasswordCommand } from '../../ports/credentials.port';
import { Account } from '../../../domain/account.entity';
import { UserIdTakenError } from '../../../domain/accounts.errors';
import { Email } from '../../../domain/email';
import { UserId } from '../../../domain/user-id';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { RegisterAccountCommand } from './register-account.command';
import type { RegisterAccountResult } from './register-account.command';

@CommandHandler(RegisterAccountCommand)
export class RegisterAccountHandler implements ICommandHandler<RegisterAccountCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountRepository,
    private readonly commands: CommandBus,
  ) {}

  async execute({ registration }: RegisterAccountCommand): Promise<RegisterAccountResult> {
    const userId = UserId.parse(registration.userId);
    const email = Email.parse(registration.email);
    return this.transactions.run(async (em) => {
      const account = Account.register({
        userId,
        type: registration.type,
        email,
        language: registration.language ?? 'ja',
        profile: registration.profile,
        registeredBy: 'self',
      });
      // The account row first: a taken ID is refused before any password is hashed, and the
      // credential joins this transaction, so a refused password leaves no account behind. A taken
      // ID ends the registration, so its insert needs no savepoint (ADR 0098).
      if ((await this.accounts.addOrAbort(em, account)) === 'user_id_taken')
        throw new UserIdTakenError();
      await this.commands.execute(
        new SetInitialPasswordCommand(account.id, account.userId, registration.password),
      );
      return { accountId: account.id, userId: account.userId, type: account.type };
    });
  }
}
