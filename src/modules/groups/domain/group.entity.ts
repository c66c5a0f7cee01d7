import {
  Collection,
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { AggregateRoot } from '@app/ddd';
import {
  CannotWithdrawSelfError,
  LastAdministratorError,
  MemberNotFoundError,
  NotGroupAdministratorError,
} from './groups.errors';
import {
  AdministratorAppointed,
  AdministratorSteppedDown,
  MemberLeft,
  MemberProfileChanged,
  MemberRegistered,
  MemberTwoFactorRequirementChanged,
  MemberWithdrawnByAdministrator,
} from './groups.events';

/** A member as the group's events name it: the account and its user ID (the accounts context's). */
export interface Member {
  accountId: string;
  userId: string;
}

/**
 * A group of group-type accounts with its memberships. It is loaded with its row locked, so every
 * rule about its members — above all "its administrators never leave it without one" — is
 * decided here against memberships that no other request can change meanwhile.
 */
@Entity({ schema: 'groups', tableName: 'group' })
export class Group extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  readonly id!: string;

  @Property({ type: 'string', length: 100 })
  readonly name!: string;

  @Property({ type: 'timestamptz' })
  readonly createdAt: Date = new Date();

  @OneToMany('Membership', 'group', { orphanRemoval: true })
  readonly memberships = new Collection<Membership>(this);

  administratorAccountIds(): string[] {
    return this.administrators().map((membership) => membership.accountId);
  }

  registerMember(member: Member, byAdministrator: string): void {
    this.requireAdministrator(byAdministrator);
    this.memberships.add(Membership.of(this, member.accountId, false));
    this.record(new MemberRegistered(this.change(member, byAdministrator)));
  }

  recordProfileCorrection(
    member: Member,
    byAdministrator: string,
    correction: { changedFields: string[]; email: string; language: string },
  ): void {
    this.requireAdministrator(byAdministrator);
    this.requireMember(member);
    if (correction.changedFields.length === 0) return;
    this.record(
      new MemberProfileChanged({ ...this.change(member, byAdministrator), ...correction }),
    );
  }

  recordWithdrawalBy(member: Member, byAdministrator: string): void {
    this.requireAdministrator(byAdministrator);
    this.requireMember(member);
    if (member.accountId === byAdministrator) throw new CannotWithdrawSelfError();
    this.record(new MemberWithdrawnByAdministrator(this.change(member, byAdministrator)));
  }

  recordTwoFactorRequirementBy(member: Member, byAdministrator: string, required: boolean): void {
    this.requireAdministrator(byAdministrator);
    this.requireMember(member);
    this.record(
      new MemberTwoFactorRequirementChanged({
        ...this.change(member, byAdministrator),
        required,
      }),
    );
  }

  /** Appointing an administrator again changes nothing. */
  appointAdministrator(member: Member, byAdministrator: string): void {
    this.requireAdministrator(byAdministrator);
    this.appoint(this.requireMember(member), member, byAdministrator);
  }

  stepDown(administrator: Member): void {
    const membership = this.requireAdministrator(administrator.accountId);
    if (this.administrators().length <= 1) throw new LastAdministratorError();
    this.withdrawAdministratorRole(membership, administrator, administrator.accountId);
  }

  /**
   * Support hands the role to `successor` when the administrators have left the company: the
   * successor becomes the only administrator. `userIds` names (by account ID) the administrators
   * who lose the role.
   */
  moveAdministratorRoleTo(
    successor: Member,
    bySupport: string,
    userIds: ReadonlyMap<string, string>,
  ): void {
    const membership = this.requireMember(successor);
    const others = this.administrators().filter((m) => m !== membership);
    this.appoint(membership, successor, bySupport);
    for (const other of others) {
      const userId = userIds.get(other.accountId);
      if (userId === undefined) throw new MemberNotFoundError();
      this.withdrawAdministratorRole(other, { accountId: other.accountId, userId }, bySupport);
    }
  }

  /**
   * The member's account was withdrawn: a person who left cannot be kept, so this may take the
   * last administrator with it (support then moves the role). Removing again changes nothing.
   */
  removeMember(member: Member): void {
    const membership = this.membershipOf(member.accountId);
    if (!membership) return;
    this.memberships.remove(membership);
    this.record(new MemberLeft({ groupId: this.id, ...member }));
  }

  private appoint(membership: Membership, member: Member, by: string): void {
    if (membership.isAdministrator) return;
    membership.isAdministrator = true;
    this.record(new AdministratorAppointed(this.change(member, by)));
  }

  private withdrawAdministratorRole(membership: Membership, member: Member, by: string): void {
    membership.isAdministrator = false;
    this.record(new AdministratorSteppedDown(this.change(member, by)));
  }

  private administrators(): Membership[] {
    return this.memberships.getItems().filter((membership) => membership.isAdministrator);
  }

  private membershipOf(accountId: string): Membership | undefined {
    return this.memberships.getItems().find((membership) => membership.accountId === accountId);
  }

  private requireAdministrator(accountId: string): Membership {
    const membership = this.membershipOf(accountId);
    if (!membership?.isAdministrator) throw new NotGroupAdministratorError();
    return membership;
  }

  /** A member of another group is as unknown as a free ID, so administrators cannot probe IDs. */
  private requireMember(member: Member): Membership {
    const membership = this.membershipOf(member.accountId);
    if (!membership) throw new MemberNotFoundError();
    return membership;
  }

  private change(member: Member, byAccountId: string) {
    return {
      groupId: this.id,
      accountId: member.accountId,
      userId: member.userId,
      byAccountId,
    };
  }
}

/**
 * A group-type account belongs to exactly one group: the account ID is the key. Part of the `Group`
 * aggregate, and changed only through it.
 */
@Entity({ schema: 'groups', tableName: 'membership' })
@Index({ properties: ['group', 'isAdministrator'] })
export class Membership {
  @PrimaryKey({ type: 'uuid' })
  readonly accountId!: string;

  // No foreign key: the table has none, and the aggregate keeps the two together.
  @ManyToOne(() => Group, { fieldName: 'group_id', createForeignKeyConstraint: false })
  readonly group!: Group;

  @Property({ type: 'boolean' })
  isAdministrator = false;

  @Property({ type: 'timestamptz' })
  readonly joinedAt: Date = new Date();

  static of(group: Group, accountId: string, isAdministrator: boolean): Membership {
    return Object.assign(new Membership(), { group, accountId, isAdministrator });
  }
}
