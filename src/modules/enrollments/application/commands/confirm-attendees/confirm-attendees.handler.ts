import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { TransactionRunner } from '@app/platform';
import { newTicketNumber } from '../../../domain/document-numbers';
import {
  AttendeeNotInSessionError,
  SessionNotFoundError,
} from '../../../domain/enrollments.errors';
import { ApplicationRepository } from '../../../infrastructure/application.repository';
import { CourseSessionRepository } from '../../../infrastructure/course-session.repository';
import { AttendeeNotices } from '../../attendee-notices';
import { EnrollmentsSettings } from '../../enrollments-settings';
import { ConfirmAttendeesCommand } from './confirm-attendees.command';

@CommandHandler(ConfirmAttendeesCommand)
export class ConfirmAttendeesHandler implements ICommandHandler<ConfirmAttendeesCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: CourseSessionRepository,
    private readonly applications: ApplicationRepository,
    private readonly notices: AttendeeNotices,
    private readonly settings: EnrollmentsSettings,
  ) {}

  execute({ sessionId, attendeeIds }: ConfirmAttendeesCommand): Promise<{ confirmed: number }> {
    return this.transactions.run(async (em) => {
      const session = isUuid(sessionId) ? await this.sessions.find(em, sessionId) : null;
      if (!session) throw new SessionNotFoundError();
      const { applications, strangers } = await this.applications.lockHoldersOf(
        em,
        session.id,
        attendeeIds,
      );
      if (strangers.length > 0) throw new AttendeeNotInSessionError({ attendeeIds: strangers });
      const facts = await this.notices.facts(em, session);
      const ids = new Set(attendeeIds);
      let confirmed = 0;
      for (const application of applications) {
        const notice = await this.notices.forApplication(application, facts);
        if (!notice) continue;
        confirmed += application.confirm(
          ids,
          newTicketNumber,
          { ...notice, myPageUrl: this.settings.myPageApplicationsUrl() },
          new Date(),
        );
      }
      return { confirmed };
    });
  }
}
