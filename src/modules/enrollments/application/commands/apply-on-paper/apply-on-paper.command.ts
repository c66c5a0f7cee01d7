import { Command } from '@nestjs/cqrs';
import type { Language } from '../../../../accounts/public-api';
import type { RequestedAttendee } from '../apply-for-seats/apply-for-seats.command';

/** The person on the form who has no user ID yet: registered as an individual in the same step (attendee `self`). */
export interface NewCustomer {
  email: string;
  profile: { name: string; nameKana: string; phone?: string };
  language?: Language;
}

export type PaperApplicant = { userId: string } | { newCustomer: NewCustomer };

export interface PaperApplicationEntered {
  applicationId: string;
  number: string;
  /** The user ID assigned to a new customer; absent for an existing one. */
  registeredUserId?: string;
}

/**
 * Staff enter a paper application form (ADR 0091): for an existing user ID, or for a new customer
 * who is registered in the same transaction, so a refused application leaves no account behind.
 */
export class ApplyOnPaperCommand extends Command<PaperApplicationEntered> {
  constructor(
    readonly sessionId: string,
    readonly applicant: PaperApplicant,
    readonly attendees: RequestedAttendee[] | undefined,
  ) {
    super();
  }
}
