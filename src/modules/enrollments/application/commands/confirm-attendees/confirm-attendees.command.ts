import { Command } from '@nestjs/cqrs';

/** Staff confirm seats: `received` attendees get a ticket; the others listed are left alone. */
export class ConfirmAttendeesCommand extends Command<{ confirmed: number }> {
  constructor(
    readonly sessionId: string,
    readonly attendeeIds: string[],
  ) {
    super();
  }
}
