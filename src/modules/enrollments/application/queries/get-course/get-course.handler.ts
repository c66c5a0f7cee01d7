import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EnrollmentsReadModel } from '../../../infrastructure/enrollments.read-model';
import { toCourseView } from '../enrollment-views';
import type { CourseView } from '../enrollment-views';
import { GetCourseQuery } from './get-course.query';

@QueryHandler(GetCourseQuery)
export class GetCourseHandler implements IQueryHandler<GetCourseQuery> {
  constructor(private readonly readModel: EnrollmentsReadModel) {}

  async execute({ courseId }: GetCourseQuery): Promise<CourseView | null> {
    const course = await this.readModel.course(courseId);
    return course && toCourseView(course);
  }
}
