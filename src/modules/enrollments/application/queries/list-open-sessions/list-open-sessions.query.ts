import { Query } from '@nestjs/cqrs';
import type { SessionView } from '../enrollment-views';

/** Open sessions whose date (or access end) is today or later in Japan, soonest first. */
export class ListOpenSessionsQuery extends Query<SessionView[]> {
  constructor(readonly courseCode?: string) {
    super();
  }
}
