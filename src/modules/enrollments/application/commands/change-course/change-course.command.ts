import { Command } from '@nestjs/cqrs';

export class ChangeCourseCommand extends Command<void> {
  constructor(
    readonly courseId: string,
    readonly changes: { title?: string; qaEligible?: boolean },
  ) {
    super();
  }
}
