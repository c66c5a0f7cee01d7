import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { AggregateRoot } from '@app/ddd';
import {
  CannotWithdrawSelfError,
  LastAdministratorError,
  MemberNotFoundError,
} from './groups.errors';
import {
  AdministratorAppointed,
  AdministratorSteppedDown,
  MemberProfileChanged,
  MemberRegistered,
  MemberTwoFactorRequirementChanged,
  MemberWithdrawnByAdministrator,
} from './groups.events';
import { Membership } from './membership.entity';

/** A member as the group's rules need it: the membership plus the user ID for the events. */
export interface Member {
  membership: Membership;
  userId: string;
}

/**
 * A group of group-type accounts. Its row is the lock that serialises changes to the set of
 * administrators, so "at least one administrator" holds however many requests arrive at once.
 */
@Entity({ schema: 'groups', tableName: 'group' })
export class Group extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  readonly id!: string;

  @Property({ type: 'string', length: 100 })
  readonly name!: string;

  @Property({ type: 'timestamptz' })
  readonly createdAt: Date = new Date();

  registerMember(accountId: string, userId: string, byAccountId: string): Membership {
    this.record(new MemberRegistered({ groupId: this.id, accountId, userId, byAccountId }));
    return Membership.of(this.id, accountId, false);
  }

  recordProfileChangedBy(
    member: Member,
    byAccountId: string,
    change: { changedFields: string[]; email: string; language: string },
  ): void {
    this.requireOwn(member);
    this.record(new MemberProfileChanged({ ...this.change(member, byAccountId), ...change }));
  }

  recordWithdrawalBy(member: Member, byAccountId: string): void {
    this.requireOwn(member);
    if (member.membership.accountId === byAccountId) throw new CannotWithdrawSelfError();
    this.record(new MemberWithdrawnByAdministrator(this.change(member, byAccountId)));
  }

  recordTwoFactorRequirementBy(member: Member, byAccountId: string, required: boolean): void {
    this.requireOwn(member);
    this.record(
      new MemberTwoFactorRequirementChanged({ ...this.change(member, byAccountId), required }),
    );
  }

  appointAdministrator(member: Member, byAccountId: string | null): void {
    this.requireOwn(member);
    if (member.membership.isAdministrator) return;
    member.membership.isAdministrator = true;
    this.record(new AdministratorAppointed(this.change(member, byAccountId)));
  }

  /** `administrators` must be counted with this group's row locked. */
  stepDown(member: Member, administrators: number): void {
    this.requireOwn(member);
    if (!member.membership.isAdministrator) return;
    if (administrators <= 1) throw new LastAdministratorError();
    this.withdrawAdministrator(member, member.membership.accountId);
  }

  /**
   * Support hands the role to `successor` when the administrators have left the company: the
   * successor becomes the only administrator.
   */
  moveAdministratorRole(successor: Member, administrators: Member[], bySupport: string): void {
    this.appointAdministrator(successor, bySupport);
    for (const administrator of administrators) {
      if (administrator.membership.accountId === successor.membership.accountId) continue;
      this.requireOwn(administrator);
      this.withdrawAdministrator(administrator, bySupport);
    }
  }

  private withdrawAdministrator(member: Member, byAccountId: string): void {
    member.membership.isAdministrator = false;
    this.record(new AdministratorSteppedDown(this.change(member, byAccountId)));
  }

  private requireOwn(member: Member): void {
    if (member.membership.groupId !== this.id) throw new MemberNotFoundError();
  }

  private change(member: Member, byAccountId: string | null) {
    return {
      groupId: this.id,
      accountId: member.membership.accountId,
      userId: member.userId,
      byAccountId,
    };
  }
}
