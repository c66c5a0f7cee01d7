import { Query } from '@nestjs/cqrs';

export interface QaEntitlementAnswer {
  userId: string;
  courseCode: string;
  entitled: boolean;
  /** The first instant without the service; null when the user never had it for the course. */
  endsAt: string | null;
  /** The last day with the service (`YYYY-MM-DD`, Japan time). */
  lastDay: string | null;
}

/** The Internet QA service asks whether a user ID may use it for a course (ADR 0090). */
export class GetQaEntitlementQuery extends Query<QaEntitlementAnswer> {
  constructor(
    readonly userId: string,
    readonly courseCode: string,
    readonly now: Date = new Date(),
  ) {
    super();
  }
}
