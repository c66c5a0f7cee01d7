import type { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { IssueTemporaryPasswordCommand } from '../../ports/credentials.port';
import { Account } from '../../../domain/account.entity';
import type { Registration } from '../../../domain/account.entity';
import { UserIdTakenError } from '../../../domain/accounts.errors';
import { Email } from '../../../domain/email';
import { UserId } from '../../../domain/user-id';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { RegisterAccountWithAssignedIdCommand } from './register-account-with-assigned-id.command';
import type { RegisterAccountWithAssignedIdResult } from './register-account-with-assigned-id.command';

/**
 * A collision among 31^10 random IDs is already unlikely; a few retries make a failure a sign of
 * a broken random source rather than bad luck.
 */
export const ASSIGNED_ID_ATTEMPTS = 5;

@CommandHandler(RegisterAccountWithAssignedIdCommand)
export class RegisterAccountWithAssignedIdHandler
  implements ICommandHandler<RegisterAccountWithAssignedIdCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountRepository,
    private readonly commands: CommandBus,
  ) {}

  async execute({
    registration,
  }: RegisterAccountWithAssignedIdCommand): Promise<RegisterAccountWithAssignedIdResult> {
    const chosen = registration.userId === undefined ? null : UserId.parse(registration.userId);
    const email = Email.parse(registration.email);
    const details: Omit<Registration, 'userId'> = {
      type: registration.type,
      email,
      language: registration.language ?? 'ja',
      profile: registration.profile,
      registeredBy: registration.registeredBy,
      groupId: registration.groupId,
    };
    return this.transactions.run(async (em) => {
      const account = chosen
        ? await this.addChosen(em, chosen, details)
        : await this.addGenerated(em, details);
      await this.commands.execute(
        new IssueTemporaryPasswordCommand({
          accountId: account.id,
          userId: account.userId,
          email: email.value,
          language: account.language,
          reason:
            registration.registeredBy === 'staff' ? 'staff_registration' : 'group_registration',
        }),
      );
      return { accountId: account.id, userId: account.userId };
    });
  }

  private async addChosen(
    em: EntityManager,
    userId: UserId,
    details: Omit<Registration, 'userId'>,
  ): Promise<Account> {
    const account = Account.register({ ...details, userId });
    if ((await this.accounts.add(em, account)) === 'user_id_taken') throw new UserIdTakenError();
    return account;
  }

  /** No availability pre-check (it would race): the unique index refuses a collision and we draw again. */
  private async addGenerated(
    em: EntityManager,
    details: Omit<Registration, 'userId'>,
  ): Promise<Account> {
    for (let attempt = 1; ; attempt += 1) {
      const account = Account.register({ ...details, userId: UserId.generate() });
      if ((await this.accounts.add(em, account)) === 'added') return account;
      if (attempt >= ASSIGNED_ID_ATTEMPTS) {
        throw new Error(`no free user ID after ${ASSIGNED_ID_ATTEMPTS} random draws`);
      }
    }
  }
}
