import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnrollmentsReadModel } from '../../../infrastructure/enrollments.read-model';
import { toApplicationView } from '../enrollment-views';
import type { ApplicationView } from '../enrollment-views';
import { ListApplicationsQuery } from './list-applications.query';

@QueryHandler(ListApplicationsQuery)
export class ListApplicationsHandler implements IQueryHandler<ListApplicationsQuery> {
  constructor(private readonly readModel: EnrollmentsReadModel) {}

  async execute({ accountId }: ListApplicationsQuery): Promise<ApplicationView[]> {
    const now = new Date();
    const records = await this.readModel.applicationsOf(accountId);
    return records.map((record) => toApplicationView(record, now));
  }
}
