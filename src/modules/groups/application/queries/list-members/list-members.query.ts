import { Query } from '@nestjs/cqrs';
import type { GroupView } from '../member-view';

/** The member-management screen of the caller's own group (administrators only). */
export class ListMembersQuery extends Query<GroupView> {
  constructor(readonly administratorAccountId: string) {
    super();
  }
}
