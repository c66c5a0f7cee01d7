import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnrollmentsReadModel } from '../../../infrastructure/enrollments.read-model';
import { toAttendeeView, toSessionView } from '../enrollment-views';
import type { SessionDetailView, SessionView } from '../enrollment-views';
import { GetSessionDetailQuery, GetSessionQuery } from './get-session.query';

@QueryHandler(GetSessionQuery)
export class GetSessionHandler implements IQueryHandler<GetSessionQuery> {
  constructor(private readonly readModel: EnrollmentsReadModel) {}

  async execute({ sessionId }: GetSessionQuery): Promise<SessionView | null> {
    const record = await this.readModel.session(sessionId);
    return record && toSessionView(record);
  }
}

@QueryHandler(GetSessionDetailQuery)
export class GetSessionDetailHandler implements IQueryHandler<GetSessionDetailQuery> {
  constructor(private readonly readModel: EnrollmentsReadModel) {}

  async execute({ sessionId }: GetSessionDetailQuery): Promise<SessionDetailView | null> {
    const record = await this.readModel.session(sessionId);
    if (!record) return null;
    const attendees = await this.readModel.sessionAttendees(sessionId);
    const now = new Date();
    return {
      ...toSessionView(record),
      attendees: attendees.map((attendee) => ({
        ...toAttendeeView(attendee, record, now),
        applicationId: attendee.application.id,
        applicationNumber: attendee.application.number,
        applicant: {
          userId: attendee.application.applicantUserId,
          name: attendee.application.applicantName,
        },
      })),
    };
  }
}
