import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import {
  FindAccountForLoginQuery,
  RegisterAccountWithAssignedIdCommand,
} from '../../../../accounts/public-api';
import { AccountNotFoundError } from '../../../domain/enrollments.errors';
import { ApplyForSeatsCommand } from '../apply-for-seats/apply-for-seats.command';
import type { RequestedAttendee } from '../apply-for-seats/apply-for-seats.command';
import { ApplyOnPaperCommand } from './apply-on-paper.command';
import type { NewCustomer, PaperApplicationEntered } from './apply-on-paper.command';

const SELF: RequestedAttendee[] = [{ kind: 'self' }];

@CommandHandler(ApplyOnPaperCommand)
export class ApplyOnPaperHandler implements ICommandHandler<ApplyOnPaperCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /**
   * The registration and the application join this one transaction (ADR 0014): a refusal of the
   * application rolls the new account, its temporary password and the mail's outbox row back.
   */
  execute({
    sessionId,
    applicant,
    attendees,
  }: ApplyOnPaperCommand): Promise<PaperApplicationEntered> {
    return this.transactions.run(async () => {
      if ('newCustomer' in applicant) {
        const registered = await this.register(applicant.newCustomer);
        const applied = await this.commands.execute(
          new ApplyForSeatsCommand(registered.accountId, sessionId, attendees ?? SELF, 'paper'),
        );
        return { ...applied, registeredUserId: registered.userId };
      }
      const account = await this.queries.execute(new FindAccountForLoginQuery(applicant.userId));
      if (!account) throw new AccountNotFoundError();
      return this.commands.execute(
        new ApplyForSeatsCommand(account.accountId, sessionId, attendees ?? SELF, 'paper'),
      );
    });
  }

  private register(customer: NewCustomer) {
    return this.commands.execute(
      new RegisterAccountWithAssignedIdCommand({
        type: 'individual',
        email: customer.email,
        profile: customer.profile,
        language: customer.language,
        registeredBy: 'staff',
      }),
    );
  }
}
