import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { newTicketNumber } from '../../../domain/document-numbers';
import { EnrollmentsSettings } from '../../enrollments-settings';
import { SessionSeats } from '../../session-seats';
import { ConfirmAttendeesCommand } from './confirm-attendees.command';

@CommandHandler(ConfirmAttendeesCommand)
export class ConfirmAttendeesHandler implements ICommandHandler<ConfirmAttendeesCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly seats: SessionSeats,
    private readonly settings: EnrollmentsSettings,
  ) {}

  execute({ sessionId, attendeeIds }: ConfirmAttendeesCommand): Promise<{ confirmed: number }> {
    return this.transactions.run(async (em) => {
      const ids = new Set(attendeeIds);
      let confirmed = 0;
      for (const { application, notice } of await this.seats.lockListed(em, sessionId, attendeeIds))
        confirmed += application.confirm(
          ids,
          newTicketNumber,
          { ...notice, myPageUrl: this.settings.myPageApplicationsUrl() },
          new Date(),
        );
      return { confirmed };
    });
  }
}
