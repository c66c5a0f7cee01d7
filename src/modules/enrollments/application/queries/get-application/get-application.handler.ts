import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnrollmentsReadModel } from '../../../infrastructure/enrollments.read-model';
import { toApplicationView } from '../enrollment-views';
import type { ApplicationView } from '../enrollment-views';
import { GetApplicationQuery } from './get-application.query';

@QueryHandler(GetApplicationQuery)
export class GetApplicationHandler implements IQueryHandler<GetApplicationQuery> {
  constructor(private readonly readModel: EnrollmentsReadModel) {}

  async execute({
    applicationId,
    viewerAccountId,
  }: GetApplicationQuery): Promise<ApplicationView | null> {
    const record = await this.readModel.application(applicationId);
    if (!record) return null;
    const mayRead =
      viewerAccountId === null ||
      record.application.applicantAccountId === viewerAccountId ||
      record.attendees.some((attendee) => attendee.accountId === viewerAccountId);
    return mayRead ? toApplicationView(record, new Date()) : null;
  }
}
