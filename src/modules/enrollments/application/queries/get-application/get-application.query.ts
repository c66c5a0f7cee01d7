import { Query } from '@nestjs/cqrs';
import type { ApplicationView } from '../enrollment-views';

/**
 * The application as `viewerAccountId` may see it: its applicant, or an attendee's own account.
 * Null for anyone else, as for an unknown ID. `viewerAccountId` null: staff, who see every one.
 */
export class GetApplicationQuery extends Query<ApplicationView | null> {
  constructor(
    readonly applicationId: string,
    readonly viewerAccountId: string | null,
  ) {
    super();
  }
}
