import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RequestContext, TransactionRunner } from '@app/platform';
import { Course } from '../../../domain/course.entity';
import { CourseCodeTakenError } from '../../../domain/enrollments.errors';
import { CourseRepository } from '../../../infrastructure/course.repository';
import { CreateCourseCommand } from './create-course.command';

@CommandHandler(CreateCourseCommand)
export class CreateCourseHandler implements ICommandHandler<CreateCourseCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly courses: CourseRepository,
    private readonly context: RequestContext,
  ) {}

  async execute({ course }: CreateCourseCommand): Promise<{ courseId: string }> {
    try {
      return await this.transactions.run(async (em) => {
        if (await this.courses.codeTaken(em, course.code)) throw new CourseCodeTakenError();
        const created = Course.create(course, this.context.actorAccountId);
        this.courses.add(em, created);
        return { courseId: created.id };
      });
    } catch (error) {
      // Two staff members creating the same code at once: the unique index decides.
      if (isUniqueViolation(error)) throw new CourseCodeTakenError();
      throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505'
  );
}
