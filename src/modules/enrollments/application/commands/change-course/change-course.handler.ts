import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { RequestContext, TransactionRunner } from '@app/platform';
import { CourseNotFoundError } from '../../../domain/enrollments.errors';
import { CourseRepository } from '../../../infrastructure/course.repository';
import { ChangeCourseCommand } from './change-course.command';

@CommandHandler(ChangeCourseCommand)
export class ChangeCourseHandler implements ICommandHandler<ChangeCourseCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly courses: CourseRepository,
    private readonly context: RequestContext,
  ) {}

  execute({ courseId, changes }: ChangeCourseCommand): Promise<void> {
    return this.transactions.run(async (em) => {
      const course = isUuid(courseId) ? await this.courses.lock(em, courseId) : null;
      if (!course) throw new CourseNotFoundError();
      course.change(changes, this.context.actorAccountId);
    });
  }
}
