import { Command } from '@nestjs/cqrs';
import type { ApplicationChannel } from '../../../domain/application.entity';

/** One attendee as asked for: the account itself, one of a corporate's staff, or a group member. */
export type RequestedAttendee =
  | { kind: 'self' }
  | { kind: 'staff'; name: string; nameKana: string; email: string }
  | { kind: 'member'; userId: string };

export interface SeatsApplied {
  applicationId: string;
  number: string;
}

/**
 * Applies for seats in a session for the applicant account. Runs in one transaction, or joins the
 * caller's (a paper application registers the account first, in the same transaction), so every
 * refusal leaves nothing written.
 */
export class ApplyForSeatsCommand extends Command<SeatsApplied> {
  constructor(
    readonly applicantAccountId: string,
    readonly sessionId: string,
    readonly attendees: RequestedAttendee[],
    readonly channel: ApplicationChannel,
  ) {
    super();
  }
}
