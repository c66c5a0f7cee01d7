import { Command } from '@nestjs/cqrs';

/** Staff record completion: `confirmed` attendees get a certificate; the others are left alone. */
export class CompleteAttendeesCommand extends Command<{ completed: number }> {
  constructor(
    readonly sessionId: string,
    readonly attendeeIds: string[],
  ) {
    super();
  }
}
