import { Command } from '@nestjs/cqrs';

/**
 * Cancels seats of an application: the listed attendees, or all live ones. A customer (`by:
 * customer`, with `callerAccountId`) may cancel until the deadline, the applicant any seat and an
 * attendee's own account only its own; staff may cancel at any time.
 */
export class CancelSeatsCommand extends Command<void> {
  constructor(
    readonly applicationId: string,
    readonly attendeeIds: string[] | undefined,
    readonly by: { kind: 'customer'; callerAccountId: string } | { kind: 'staff' },
  ) {
    super();
  }
}
