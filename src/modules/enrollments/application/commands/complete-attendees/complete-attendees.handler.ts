import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { newCertificateNumber } from '../../../domain/document-numbers';
import { EnrollmentsSettings } from '../../enrollments-settings';
import { SessionSeats } from '../../session-seats';
import { CompleteAttendeesCommand } from './complete-attendees.command';

@CommandHandler(CompleteAttendeesCommand)
export class CompleteAttendeesHandler implements ICommandHandler<CompleteAttendeesCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly seats: SessionSeats,
    private readonly settings: EnrollmentsSettings,
  ) {}

  execute({ sessionId, attendeeIds }: CompleteAttendeesCommand): Promise<{ completed: number }> {
    return this.transactions.run(async (em) => {
      const ids = new Set(attendeeIds);
      let completed = 0;
      for (const { application, notice } of await this.seats.lockListed(em, sessionId, attendeeIds))
        completed += application.complete(
          ids,
          newCertificateNumber,
          {
            ...notice,
            certificateUrl: (attendee) => this.settings.certificateUrl(application.id, attendee.id),
          },
          new Date(),
        );
      return { completed };
    });
  }
}
