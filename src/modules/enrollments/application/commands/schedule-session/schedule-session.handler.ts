import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { RequestContext, TransactionRunner, ValidationFailedError } from '@app/platform';
import type { Course } from '../../../domain/course.entity';
import { CourseSession } from '../../../domain/course-session.entity';
import type { SessionSchedule } from '../../../domain/course-session.entity';
import { CourseNotFoundError } from '../../../domain/enrollments.errors';
import { CourseSessionRepository } from '../../../infrastructure/course-session.repository';
import { CourseRepository } from '../../../infrastructure/course.repository';
import { ScheduleSessionCommand } from './schedule-session.command';
import type { SessionScheduleInput } from './schedule-session.command';

@CommandHandler(ScheduleSessionCommand)
export class ScheduleSessionHandler implements ICommandHandler<ScheduleSessionCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly courses: CourseRepository,
    private readonly sessions: CourseSessionRepository,
    private readonly context: RequestContext,
  ) {}

  execute({ courseId, schedule }: ScheduleSessionCommand): Promise<{ sessionId: string }> {
    return this.transactions.run(async (em) => {
      const course = isUuid(courseId) ? await this.courses.find(em, courseId) : null;
      if (!course) throw new CourseNotFoundError();
      const session = CourseSession.schedule(
        course,
        scheduleFor(course, schedule),
        this.context.actorAccountId,
      );
      this.sessions.add(em, session);
      return { sessionId: session.id };
    });
  }
}

/** The fields of the course's kind are required, the other kind's refused (`VALIDATION_FAILED`). */
export function scheduleFor(
  course: Pick<Course, 'kind'>,
  input: SessionScheduleInput,
): SessionSchedule {
  const fields: Record<string, string[]> = {};
  const require = (name: keyof SessionScheduleInput) => {
    if (input[name] === undefined) fields[name] = ['required'];
  };
  const refuse = (name: keyof SessionScheduleInput) => {
    if (input[name] !== undefined) fields[name] = [`not_applicable_to_${course.kind}`];
  };
  if (course.kind === 'classroom') {
    (['date', 'venue', 'capacity'] as const).forEach(require);
    (['accessStart', 'accessEnd'] as const).forEach(refuse);
  } else {
    (['accessStart', 'accessEnd'] as const).forEach(require);
    (['date', 'venue'] as const).forEach(refuse);
    if (input.accessStart && input.accessEnd && input.accessEnd < input.accessStart)
      fields.accessEnd = ['before_access_start'];
  }
  if (Object.keys(fields).length > 0) throw new ValidationFailedError({ fields });
  return course.kind === 'classroom'
    ? {
        kind: 'classroom',
        date: input.date as string,
        venue: input.venue as string,
        capacity: input.capacity as number,
      }
    : {
        kind: 'elearning',
        accessStart: input.accessStart as string,
        accessEnd: input.accessEnd as string,
        capacity: input.capacity ?? null,
      };
}
