import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { japanDate } from '../../../domain/japan-date';
import { EnrollmentsReadModel } from '../../../infrastructure/enrollments.read-model';
import { toSessionView } from '../enrollment-views';
import type { SessionView } from '../enrollment-views';
import { ListOpenSessionsQuery } from './list-open-sessions.query';

@QueryHandler(ListOpenSessionsQuery)
export class ListOpenSessionsHandler implements IQueryHandler<ListOpenSessionsQuery> {
  constructor(private readonly readModel: EnrollmentsReadModel) {}

  async execute({ courseCode }: ListOpenSessionsQuery): Promise<SessionView[]> {
    const records = await this.readModel.openSessions(japanDate(new Date()), courseCode);
    return records.map(toSessionView);
  }
}
