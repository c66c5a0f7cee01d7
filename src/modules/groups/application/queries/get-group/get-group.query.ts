import { Query } from '@nestjs/cqrs';
import type { GroupView } from '../member-view';

/** Support reads any group with its members. */
export class GetGroupQuery extends Query<GroupView> {
  constructor(readonly groupId: string) {
    super();
  }
}
