import { Command } from '@nestjs/cqrs';

/** As staff typed it; which fields apply depends on the course's kind. */
export interface SessionScheduleInput {
  date?: string;
  venue?: string;
  capacity?: number;
  accessStart?: string;
  accessEnd?: string;
}

export class ScheduleSessionCommand extends Command<{ sessionId: string }> {
  constructor(
    readonly courseId: string,
    readonly schedule: SessionScheduleInput,
  ) {
    super();
  }
}
