import { Query } from '@nestjs/cqrs';

export interface MembershipView {
  groupId: string;
  groupName: string;
  isAdministrator: boolean;
  joinedAt: string;
}

/** The group an account belongs to, and its role there; null when it belongs to none. */
export class GetMembershipQuery extends Query<MembershipView | null> {
  constructor(readonly accountId: string) {
    super();
  }
}

/** The account IDs of a group's members (empty for an unknown group), for support's search. */
export class ListGroupMemberIdsQuery extends Query<string[]> {
  constructor(readonly groupId: string) {
    super();
  }
}
