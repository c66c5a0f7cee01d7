import { randomUUID } from 'node:crypto';
import {
  Check,
  Embedded,
  Entity,
  Enum,
  Index,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { AggregateRoot } from '@app/ddd';
import {
  AccountTypeImmutableError,
  AccountWithdrawnError,
  UserIdImmutableError,
  WithdrawalAlreadyRequestedError,
  NotAGroupAccountError,
  WithdrawalNotRequestedError,
} from './accounts.errors';
import { ACCOUNT_STATUSES, ACCOUNT_TYPES, LANGUAGES, REGISTRATION_CHANNELS } from './account-type';
import type { AccountStatus, AccountType, Language, RegisteredBy } from './account-type';
import type { Email } from './email';
import {
  AccountRegistered,
  AccountWithdrawn,
  EmailChanged,
  ProfileChanged,
  RenewalCompleted,
  RenewalRequested,
  WithdrawalRequested,
} from './accounts.events';
import { Profile } from './profile';
import type { ProfileInput } from './profile';
import type { UserId } from './user-id';

/** What a group administrator may correct in a member's profile. */
export type ProfileCorrection = Pick<ProfileInput, 'name' | 'nameKana' | 'phone'>;

export const USER_ID_UNIQUE_INDEX = 'account_user_id_lower_unique';

export interface Registration {
  userId: UserId;
  type: AccountType;
  email: Email;
  language: Language;
  profile: ProfileInput;
  registeredBy: RegisteredBy;
  /** The group a group administrator registers the member into. */
  groupId?: string;
}

/**
 * A customer's account. The user ID and the type are fixed for life; the row outlives withdrawal
 * (anonymised) so that the ID is never handed out again and the audit trail stays unambiguous.
 *
 * State is changed only through the intent-named methods below, each of which records its event.
 */
@Entity({ schema: 'accounts', tableName: 'account' })
@Unique({
  name: USER_ID_UNIQUE_INDEX,
  expression: `create unique index "${USER_ID_UNIQUE_INDEX}" on "accounts"."account" (lower("user_id"))`,
})
@Index({
  name: 'account_email_lower_index',
  expression: 'create index "account_email_lower_index" on "accounts"."account" (lower("email"))',
})
@Index({ properties: ['status', 'withdrawalRequestedAt'] })
@Check({ name: 'account_user_id_format_check', expression: `"user_id" ~ '^[A-Za-z0-9]{6,20}$'` })
export class Account extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  readonly id: string = randomUUID();

  @Property({ type: 'string', length: 20 })
  readonly userId!: string;

  @Enum({ items: [...ACCOUNT_TYPES] })
  readonly type!: AccountType;

  @Enum({ items: [...ACCOUNT_STATUSES] })
  status: AccountStatus = 'active';

  /** Null once withdrawn (anonymised). */
  @Property({ type: 'string', length: 254, nullable: true })
  email!: string | null;

  @Enum({ items: [...LANGUAGES] })
  language: Language = 'ja';

  /** Null once withdrawn (anonymised). */
  @Embedded(() => Profile, { prefix: false, nullable: true })
  profile!: Profile | null;

  @Enum({ items: [...REGISTRATION_CHANNELS] })
  readonly registeredBy!: RegisteredBy;

  @Property({ type: 'timestamptz' })
  readonly registeredAt: Date = new Date();

  /** Set when support asks the holder to re-confirm the registration; cleared when they do. */
  @Property({ type: 'timestamptz', nullable: true })
  renewalRequestedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  withdrawalRequestedAt: Date | null = null;

  @Property({ type: 'string', length: 1000, nullable: true })
  withdrawalReason: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  static register(registration: Registration): Account {
    const profile = Profile.forType(registration.type, registration.profile);
    const account = Object.assign(new Account(), {
      userId: registration.userId.value,
      type: registration.type,
      email: registration.email.value,
      language: registration.language,
      profile,
      registeredBy: registration.registeredBy,
    });
    account.record(
      new AccountRegistered({
        accountId: account.id,
        userId: account.userId,
        type: account.type,
        email: registration.email.value,
        language: account.language,
        registeredBy: account.registeredBy,
        ...(account.type === 'group' && profile.groupName ? { groupName: profile.groupName } : {}),
        ...(registration.groupId ? { groupId: registration.groupId } : {}),
      }),
    );
    return account;
  }

  get renewalRequired(): boolean {
    return this.renewalRequestedAt !== null;
  }

  /** A My Page edit that names the type or the ID must keep them: both are fixed for life. */
  refuseIdentityChange(requested: { type?: string; userId?: string }): void {
    if (requested.type !== undefined && requested.type !== this.type)
      throw new AccountTypeImmutableError();
    if (requested.userId !== undefined && requested.userId !== this.userId)
      throw new UserIdImmutableError();
  }

  editProfile(changes: ProfileInput, language?: Language): void {
    const { profile } = this.requireNotWithdrawn();
    const amended = profile.amendedFor(this.type, changes);
    const changedFields: string[] = amended.fieldsDifferentFrom(profile);
    if (changedFields.length > 0) this.profile = amended;
    if (language !== undefined && language !== this.language) {
      this.language = language;
      changedFields.push('language');
    }
    if (changedFields.length === 0) return;
    this.record(
      new ProfileChanged({
        accountId: this.id,
        userId: this.userId,
        changedFields,
        language: this.language,
        ...(changedFields.includes('groupName') && amended.groupName
          ? { groupName: amended.groupName }
          : {}),
      }),
    );
  }

  /**
   * A group administrator corrects a member's details. Not the e-mail address (it needs the
   * holder's password) nor the group name (it is the group's); and unlike a My Page edit it never
   * counts as the holder reviewing the registration, so a requested renewal stays requested.
   */
  correctProfile(correction: ProfileCorrection, language?: Language): void {
    this.editProfile(correction, language);
  }

  /** Whether `email` differs from the registered address, i.e. whether changing to it needs the password. */
  isNewEmail(email: Email): boolean {
    return email.value !== this.email;
  }

  changeEmail(email: Email): void {
    const { email: oldEmail } = this.requireNotWithdrawn();
    if (!this.isNewEmail(email)) return;
    this.email = email.value;
    this.record(
      new EmailChanged({
        accountId: this.id,
        userId: this.userId,
        oldEmail,
        newEmail: email.value,
        email: oldEmail,
        language: this.language,
      }),
    );
  }

  /** Support asks the holder to re-confirm the registration at the next login. Asking again changes nothing. */
  requestRenewal(): boolean {
    const { email } = this.requireNotWithdrawn();
    if (this.renewalRequired) return false;
    this.renewalRequestedAt = new Date();
    this.record(
      new RenewalRequested({
        accountId: this.id,
        userId: this.userId,
        email,
        language: this.language,
      }),
    );
    return true;
  }

  /** The holder reviewed the registration on My Page (saving the profile counts as reviewing it). */
  confirmRegistration(): void {
    this.requireNotWithdrawn();
    if (!this.renewalRequired) return;
    this.renewalRequestedAt = null;
    this.record(new RenewalCompleted({ accountId: this.id, userId: this.userId }));
  }

  requestWithdrawal(reason: string | null): void {
    const { email } = this.requireNotWithdrawn();
    if (this.status === 'withdrawal_requested') throw new WithdrawalAlreadyRequestedError();
    const text = reason?.trim() ? reason.trim() : null;
    this.status = 'withdrawal_requested';
    this.withdrawalRequestedAt = new Date();
    this.withdrawalReason = text;
    this.record(
      new WithdrawalRequested({
        accountId: this.id,
        userId: this.userId,
        email,
        language: this.language,
        reasonGiven: text !== null,
      }),
    );
  }

  /**
   * Support carries out a requested withdrawal: personal data is erased here, in the same
   * transaction, and the other contexts erase theirs when they receive the event.
   */
  completeWithdrawal(): void {
    const { email } = this.requireNotWithdrawn();
    if (this.status !== 'withdrawal_requested') throw new WithdrawalNotRequestedError();
    this.erase(email);
  }

  /**
   * A group administrator withdraws a member of the group at once: the administrator answers for
   * the member, so there is no request step (the groups context checks that authority).
   */
  withdrawAsGroupMember(): void {
    const { email } = this.requireNotWithdrawn();
    if (this.type !== 'group') throw new NotAGroupAccountError();
    this.erase(email);
  }

  private erase(email: string): void {
    this.status = 'withdrawn';
    this.withdrawnAt = new Date();
    this.email = null;
    this.profile = null;
    this.withdrawalReason = null;
    this.renewalRequestedAt = null;
    this.record(
      new AccountWithdrawn(
        { accountId: this.id, userId: this.userId, language: this.language },
        email,
      ),
    );
  }

  private requireNotWithdrawn(): { email: string; profile: Profile } {
    if (this.status === 'withdrawn' || this.email === null || this.profile === null) {
      throw new AccountWithdrawnError();
    }
    return { email: this.email, profile: this.profile };
  }
}
