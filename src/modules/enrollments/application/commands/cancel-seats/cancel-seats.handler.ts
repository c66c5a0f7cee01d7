import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { RequestContext, TransactionRunner } from '@app/platform';
import type { Application } from '../../../domain/application.entity';
import {
  ApplicationNotFoundError,
  AttendeeNotCancellableError,
  CancellationDeadlinePassedError,
  SessionNotFoundError,
} from '../../../domain/enrollments.errors';
import { ApplicationRepository } from '../../../infrastructure/application.repository';
import { CourseSessionRepository } from '../../../infrastructure/course-session.repository';
import { AttendeeNotices } from '../../attendee-notices';
import { CancelSeatsCommand } from './cancel-seats.command';

@CommandHandler(CancelSeatsCommand)
export class CancelSeatsHandler implements ICommandHandler<CancelSeatsCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly applications: ApplicationRepository,
    private readonly sessions: CourseSessionRepository,
    private readonly notices: AttendeeNotices,
    private readonly context: RequestContext,
  ) {}

  execute({ applicationId, attendeeIds, by }: CancelSeatsCommand): Promise<void> {
    return this.transactions.run(async (em) => {
      const application = isUuid(applicationId)
        ? await this.applications.lock(em, applicationId)
        : null;
      if (!application) throw new ApplicationNotFoundError();
      let chosen = attendeeIds;
      if (by.kind === 'customer')
        chosen = this.customerChoice(application, attendeeIds, by.callerAccountId);
      const session = await this.sessions.find(em, application.sessionId);
      if (!session) throw new SessionNotFoundError();
      const now = new Date();
      if (by.kind === 'customer' && now.getTime() >= session.cancellationDeadline.getTime())
        throw new CancellationDeadlinePassedError({
          cancellationDeadline: session.cancellationDeadline.toISOString(),
        });
      const facts = await this.notices.facts(em, session);
      application.cancel(
        chosen,
        by.kind,
        {
          facts,
          applicant: await this.notices.recipient(application.applicantAccountId),
          applicantAccountId: application.applicantAccountId,
          attendeeAccounts: new Map(),
          byAccountId: this.context.actorAccountId,
        },
        now,
      );
    });
  }

  /**
   * The applicant may cancel any seat; an attendee's own account (a member the group applied for)
   * only its own. Anyone else learns nothing of the application.
   */
  private customerChoice(
    application: Application,
    attendeeIds: string[] | undefined,
    callerAccountId: string,
  ): string[] | undefined {
    if (application.applicantAccountId === callerAccountId) return attendeeIds;
    const own = application.attendees.getItems().filter((a) => a.accountId === callerAccountId);
    if (own.length === 0) throw new ApplicationNotFoundError();
    const ownIds = own.map((a) => a.id);
    if (attendeeIds === undefined) {
      const live = own.filter((a) => a.isLive).map((a) => a.id);
      if (live.length === 0) throw new AttendeeNotCancellableError({ attendeeIds: ownIds });
      return live;
    }
    const others = attendeeIds.filter((id) => !ownIds.includes(id));
    if (others.length > 0) throw new AttendeeNotCancellableError({ attendeeIds: others });
    return attendeeIds;
  }
}
