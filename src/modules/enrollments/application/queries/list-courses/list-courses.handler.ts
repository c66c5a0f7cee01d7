import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnrollmentsReadModel } from '../../../infrastructure/enrollments.read-model';
import { toCourseView, toSessionView } from '../enrollment-views';
import type { CourseWithSessionsView } from '../enrollment-views';
import { ListCoursesQuery } from './list-courses.query';

@QueryHandler(ListCoursesQuery)
export class ListCoursesHandler implements IQueryHandler<ListCoursesQuery> {
  constructor(private readonly readModel: EnrollmentsReadModel) {}

  async execute(): Promise<CourseWithSessionsView[]> {
    const courses = await this.readModel.courses();
    return courses.map(({ course, sessions }) => ({
      ...toCourseView(course),
      sessions: sessions.map(toSessionView),
    }));
  }
}
