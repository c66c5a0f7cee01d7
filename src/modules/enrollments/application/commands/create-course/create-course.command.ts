import { Command } from '@nestjs/cqrs';
import type { CourseInput } from '../../../domain/course.entity';

export class CreateCourseCommand extends Command<{ courseId: string }> {
  constructor(readonly course: CourseInput) {
    super();
  }
}
