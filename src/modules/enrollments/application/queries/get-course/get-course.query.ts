import { Query } from '@nestjs/cqrs';
import type { CourseView } from '../enrollment-views';

export class GetCourseQuery extends Query<CourseView | null> {
  constructor(readonly courseId: string) {
    super();
  }
}
