import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetAccountQuery } from '../../../../accounts/public-api';
import {
  ApplicationNotFoundError,
  CertificateNotIssuedError,
  TicketNotIssuedError,
} from '../../../domain/enrollments.errors';
import { japanDate } from '../../../domain/japan-date';
import { EnrollmentsReadModel } from '../../../infrastructure/enrollments.read-model';
import { GetAttendeeDocumentQuery } from './get-attendee-document.query';
import type { AttendeeDocument } from './get-attendee-document.query';

@QueryHandler(GetAttendeeDocumentQuery)
export class GetAttendeeDocumentHandler implements IQueryHandler<GetAttendeeDocumentQuery> {
  constructor(
    private readonly readModel: EnrollmentsReadModel,
    private readonly queries: QueryBus,
  ) {}

  async execute({
    accountId,
    applicationId,
    attendeeId,
    kind,
  }: GetAttendeeDocumentQuery): Promise<AttendeeDocument> {
    const record = await this.readModel.application(applicationId);
    const attendee = record?.attendees.find((candidate) => candidate.id === attendeeId);
    if (
      !record ||
      !attendee ||
      (record.application.applicantAccountId !== accountId && attendee.accountId !== accountId)
    )
      throw new ApplicationNotFoundError();
    const { application } = record;
    const { session, course } = record.session;

    if (kind === 'ticket') {
      const issued = attendee.status === 'confirmed' || attendee.status === 'completed';
      // A ticket is shown at a venue's door: e-learning has none. A seat whose personal data was
      // erased (withdrawal) names nobody, so it has no ticket either.
      if (!issued || !attendee.ticketNumber || course.kind !== 'classroom' || !attendee.name)
        throw new TicketNotIssuedError();
      return {
        kind,
        ticket: {
          ticketNumber: attendee.ticketNumber,
          attendeeName: attendee.name,
          attendeeNameKana: attendee.nameKana ?? '',
          courseTitle: course.title,
          courseCode: course.code,
          date: session.date,
          venue: session.venue ?? '',
          applicantName: await this.applicantName(application),
          applicationNumber: application.number,
        },
      };
    }
    if (
      attendee.status !== 'completed' ||
      !attendee.certificateNumber ||
      !attendee.completedAt ||
      !attendee.name
    )
      throw new CertificateNotIssuedError();
    return {
      kind,
      certificate: {
        certificateNumber: attendee.certificateNumber,
        holderName: attendee.name,
        courseTitle: course.title,
        courseCode: course.code,
        date: session.date,
        issuedOn: japanDate(attendee.completedAt),
      },
    };
  }

  /** A corporate or group applicant is named by its company or group, as on its paper forms. */
  private async applicantName(application: {
    applicantAccountId: string;
    applicantName: string | null;
  }): Promise<string> {
    const account = await this.queries.execute(new GetAccountQuery(application.applicantAccountId));
    const organisation =
      account?.status === 'withdrawn'
        ? null
        : (account?.profile.companyName ?? account?.profile.groupName ?? null);
    const person = application.applicantName ?? '';
    return organisation ? `${organisation} ${person}`.trim() : person;
  }
}
