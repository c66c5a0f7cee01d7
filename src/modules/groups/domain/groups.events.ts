import { DomainEvent } from '@app/ddd';

/** Who did it: the administrator (or support) whose request changed the group. */
type Change = { groupId: string; accountId: string; userId: string; byAccountId: string | null };

export class GroupCreated extends DomainEvent<{
  groupId: string;
  name: string;
  administratorAccountId: string;
}> {
  static readonly TYPE = 'groups.group-created';
  readonly type = GroupCreated.TYPE;

  constructor(payload: GroupCreated['payload']) {
    super(payload.administratorAccountId, payload);
  }
}

export class MemberRegistered extends DomainEvent<Change> {
  static readonly TYPE = 'groups.member-registered';
  readonly type = MemberRegistered.TYPE;

  constructor(payload: Change) {
    super(payload.accountId, payload);
  }
}

/** Mailed to the member: the address and language travel as they were at the time. */
export class MemberProfileChanged extends DomainEvent<
  Change & { changedFields: string[]; email: string; language: string }
> {
  static readonly TYPE = 'groups.member-profile-changed';
  readonly type = MemberProfileChanged.TYPE;

  constructor(payload: MemberProfileChanged['payload']) {
    super(payload.accountId, payload);
  }
}

/** The administrator withdrew a member; accounts records the withdrawal itself and mails the member. */
export class MemberWithdrawnByAdministrator extends DomainEvent<Change> {
  static readonly TYPE = 'groups.member-withdrawn-by-administrator';
  readonly type = MemberWithdrawnByAdministrator.TYPE;

  constructor(payload: MemberWithdrawnByAdministrator['payload']) {
    super(payload.accountId, payload);
  }
}

export class MemberTwoFactorRequirementChanged extends DomainEvent<Change & { required: boolean }> {
  static readonly TYPE = 'groups.member-two-factor-requirement-changed';
  readonly type = MemberTwoFactorRequirementChanged.TYPE;

  constructor(payload: MemberTwoFactorRequirementChanged['payload']) {
    super(payload.accountId, payload);
  }
}

export class AdministratorAppointed extends DomainEvent<Change> {
  static readonly TYPE = 'groups.administrator-appointed';
  readonly type = AdministratorAppointed.TYPE;

  constructor(payload: Change) {
    super(payload.accountId, payload);
  }
}

export class AdministratorSteppedDown extends DomainEvent<Change> {
  static readonly TYPE = 'groups.administrator-stepped-down';
  readonly type = AdministratorSteppedDown.TYPE;

  constructor(payload: Change) {
    super(payload.accountId, payload);
  }
}

export class MemberLeft extends DomainEvent<{
  groupId: string;
  accountId: string;
  userId: string;
}> {
  static readonly TYPE = 'groups.member-left';
  readonly type = MemberLeft.TYPE;

  constructor(payload: MemberLeft['payload']) {
    super(payload.accountId, payload);
  }
}

export const GROUPS_EVENTS = {
  groupCreated: GroupCreated.TYPE,
  memberRegistered: MemberRegistered.TYPE,
  memberProfileChanged: MemberProfileChanged.TYPE,
  memberTwoFactorRequirementChanged: MemberTwoFactorRequirementChanged.TYPE,
  administratorAppointed: AdministratorAppointed.TYPE,
  administratorSteppedDown: AdministratorSteppedDown.TYPE,
  memberLeft: MemberLeft.TYPE,
} as const;
