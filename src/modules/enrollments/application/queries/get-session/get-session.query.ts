import { Query } from '@nestjs/cqrs';
import type { SessionDetailView, SessionView } from '../enrollment-views';

export class GetSessionQuery extends Query<SessionView | null> {
  constructor(readonly sessionId: string) {
    super();
  }
}

/** For staff: the session with every attendee, its application and applicant. */
export class GetSessionDetailQuery extends Query<SessionDetailView | null> {
  constructor(readonly sessionId: string) {
    super();
  }
}
