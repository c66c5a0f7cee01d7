import { DomainEvent } from '@app/ddd';

/** Who did it: the administrator (or support) whose request changed the group. */
export type GroupChangePayload = {
  groupId: string;
  accountId: string;
  userId: string;
  byAccountId: string | null;
};

export type GroupCreatedPayload = {
  groupId: string;
  name: string;
  administratorAccountId: string;
};

export class GroupCreated extends DomainEvent<GroupCreatedPayload> {
  static readonly TYPE = 'groups.group-created';
  readonly type = GroupCreated.TYPE;

  constructor(payload: GroupCreatedPayload) {
    super(payload.administratorAccountId, payload);
  }
}

export type MemberRegisteredPayload = GroupChangePayload;

export class MemberRegistered extends DomainEvent<MemberRegisteredPayload> {
  static readonly TYPE = 'groups.member-registered';
  readonly type = MemberRegistered.TYPE;

  constructor(payload: MemberRegisteredPayload) {
    super(payload.accountId, payload);
  }
}

export type MemberProfileChangedPayload = GroupChangePayload & {
  changedFields: string[];
  email: string;
  language: string;
};

/** Mailed to the member: the address and language travel as they were at the time. */
export class MemberProfileChanged extends DomainEvent<MemberProfileChangedPayload> {
  static readonly TYPE = 'groups.member-profile-changed';
  readonly type = MemberProfileChanged.TYPE;

  constructor(payload: MemberProfileChangedPayload) {
    super(payload.accountId, payload);
  }
}

export type MemberWithdrawnByAdministratorPayload = GroupChangePayload;

/** The administrator withdrew a member; accounts records the withdrawal itself and mails the member. */
export class MemberWithdrawnByAdministrator extends DomainEvent<MemberWithdrawnByAdministratorPayload> {
  static readonly TYPE = 'groups.member-withdrawn-by-administrator';
  readonly type = MemberWithdrawnByAdministrator.TYPE;

  constructor(payload: MemberWithdrawnByAdministratorPayload) {
    super(payload.accountId, payload);
  }
}

export type MemberTwoFactorRequirementChangedPayload = GroupChangePayload & { required: boolean };

export class MemberTwoFactorRequirementChanged extends DomainEvent<MemberTwoFactorRequirementChangedPayload> {
  static readonly TYPE = 'groups.member-two-factor-requirement-changed';
  readonly type = MemberTwoFactorRequirementChanged.TYPE;

  constructor(payload: MemberTwoFactorRequirementChangedPayload) {
    super(payload.accountId, payload);
  }
}

export type AdministratorAppointedPayload = GroupChangePayload;

export class AdministratorAppointed extends DomainEvent<AdministratorAppointedPayload> {
  static readonly TYPE = 'groups.administrator-appointed';
  readonly type = AdministratorAppointed.TYPE;

  constructor(payload: AdministratorAppointedPayload) {
    super(payload.accountId, payload);
  }
}

export type AdministratorSteppedDownPayload = GroupChangePayload;

export class AdministratorSteppedDown extends DomainEvent<AdministratorSteppedDownPayload> {
  static readonly TYPE = 'groups.administrator-stepped-down';
  readonly type = AdministratorSteppedDown.TYPE;

  constructor(payload: AdministratorSteppedDownPayload) {
    super(payload.accountId, payload);
  }
}

export type MemberLeftPayload = {
  groupId: string;
  accountId: string;
  userId: string;
};

export class MemberLeft extends DomainEvent<MemberLeftPayload> {
  static readonly TYPE = 'groups.member-left';
  readonly type = MemberLeft.TYPE;

  constructor(payload: MemberLeftPayload) {
    super(payload.accountId, payload);
  }
}
