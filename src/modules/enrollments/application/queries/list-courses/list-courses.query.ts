import { Query } from '@nestjs/cqrs';
import type { CourseWithSessionsView } from '../enrollment-views';

export class ListCoursesQuery extends Query<CourseWithSessionsView[]> {}
