import { Query } from '@nestjs/cqrs';

/** A mail whose delivery gave up after every attempt; never its secrets. */
export interface FailedMailView {
  jobId: string;
  eventId: string;
  eventType: string;
  subjectAccountId: string | null;
  error: string;
  attempts: number;
  failedAt: string | null;
}

/** Failed mail jobs, newest first, at most `limit`. */
export class ListFailedMailsQuery extends Query<FailedMailView[]> {
  constructor(readonly limit = 100) {
    super();
  }
}
