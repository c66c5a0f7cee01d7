import { Query } from '@nestjs/cqrs';

export interface MembershipView {
  groupId: string;
  groupName: string;
  isAdministrator: boolean;
  joinedAt: Date;
}

/** The group an account belongs to, if any. */
export class GetMembershipOfAccountQuery extends Query<MembershipView | null> {
  constructor(readonly accountId: string) {
    super();
  }
}
