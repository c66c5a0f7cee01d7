import { Query } from '@nestjs/cqrs';
import type { ApplicationView } from '../enrollment-views';

/** The applications the account made and those where it is an attendee, newest first. */
export class ListApplicationsQuery extends Query<ApplicationView[]> {
  constructor(readonly accountId: string) {
    super();
  }
}
