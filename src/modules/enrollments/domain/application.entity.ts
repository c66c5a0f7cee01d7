import { randomUUID } from 'node:crypto';
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
import { AttendeeNotCancellableError } from './enrollments.errors';
import {
  ApplicationReceived,
  AttendeeCancelled,
  AttendeeCompleted,
  AttendeeConfirmed,
} from './enrollments.events';
import type {
  AttendeeChangePayload,
  CancelledBy,
  Recipient,
  SessionFacts,
} from './enrollments.events';

export const ATTENDEE_KINDS = ['self', 'staff', 'member'] as const;
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number];
export const ATTENDEE_STATUSES = ['received', 'confirmed', 'completed', 'cancelled'] as const;
export type AttendeeStatus = (typeof ATTENDEE_STATUSES)[number];
export type ApplicationChannel = 'web' | 'paper';
export type ApplicantType = 'individual' | 'corporate' | 'group';
export const MAX_ATTENDEES = 20;

export interface Applicant {
  accountId: string;
  userId: string;
  type: ApplicantType;
  name: string;
}

/** One person to seat, resolved: staff by their e-mail, self and members by their account. */
export interface AttendeeInput {
  kind: AttendeeKind;
  accountId: string | null;
  userId: string | null;
  name: string;
  nameKana: string;
  email: string | null;
}

/** What the mails about an application say and whom they reach. */
export interface Notice {
  facts: SessionFacts;
  applicant: Recipient;
  /** Member attendees' own accounts, by account ID (told of their own ticket and certificate). */
  attendeeAccounts: ReadonlyMap<string, Recipient>;
  byAccountId: string | null;
}

/**
 * An application (申込み) for seats in one session, with its attendees. Changed under its row lock;
 * a new one is admitted by its session (whose row is locked while seats are counted).
 */
@Entity({ schema: 'enrollments', tableName: 'application' })
@Index({ properties: ['applicantAccountId', 'createdAt'] })
export class Application extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  readonly id: string = randomUUID();

  @Property({ type: 'string', length: 16, unique: true })
  number!: string;

  @Property({ type: 'uuid' })
  @Index()
  sessionId!: string;

  @Property({ type: 'uuid' })
  applicantAccountId!: string;

  @Property({ type: 'string', length: 64 })
  applicantUserId!: string;

  @Property({ type: 'string', length: 16 })
  applicantType!: ApplicantType;

  /** As it was when applying; null once the applicant withdrew (erased). */
  @Property({ type: 'string', length: 100, nullable: true })
  applicantName: string | null = null;

  @Property({ type: 'string', length: 8 })
  channel!: ApplicationChannel;

  @Property({ type: 'timestamptz' })
  readonly createdAt: Date = new Date();

  @OneToMany(() => Attendee, (attendee) => attendee.application, { orderBy: { position: 'asc' } })
  readonly attendees = new Collection<Attendee>(this);

  static receive(
    input: {
      number: string;
      sessionId: string;
      applicant: Applicant;
      channel: ApplicationChannel;
      attendees: AttendeeInput[];
      myPageUrl: string;
    },
    notice: Notice,
    now: Date,
  ): Application {
    const application = Object.assign(new Application(), {
      number: input.number,
      sessionId: input.sessionId,
      applicantAccountId: input.applicant.accountId,
      applicantUserId: input.applicant.userId,
      applicantType: input.applicant.type,
      applicantName: input.applicant.name,
      channel: input.channel,
      createdAt: now,
    });
    input.attendees.forEach((attendee, position) =>
      application.attendees.add(Attendee.seat(application, attendee, position)),
    );
    const attendees = application.attendees.getItems();
    application.record(
      new ApplicationReceived(
        {
          ...notice.facts,
          applicationId: application.id,
          applicationNumber: application.number,
          channel: application.channel,
          applicantAccountId: application.applicantAccountId,
          applicantUserId: application.applicantUserId,
          attendeeIds: attendees.map((a) => a.id),
          attendeeNames: attendees.map((a) => a.name ?? ''),
          myPageUrl: input.myPageUrl,
          language: notice.applicant.language,
          byAccountId: notice.byAccountId,
        },
        notice.applicant.email,
      ),
    );
    return application;
  }

  liveAttendees(): Attendee[] {
    return this.attendees.getItems().filter((attendee) => attendee.isLive);
  }

  /** `received` attendees among `attendeeIds` get a ticket; the others are left alone. */
  confirm(
    attendeeIds: ReadonlySet<string>,
    issueTicket: () => string,
    notice: Notice & { myPageUrl: string },
    now: Date,
  ): number {
    let confirmed = 0;
    for (const attendee of this.attendees.getItems()) {
      if (!attendeeIds.has(attendee.id) || attendee.status !== 'received') continue;
      attendee.status = 'confirmed';
      attendee.ticketNumber = issueTicket();
      attendee.confirmedAt = now;
      confirmed += 1;
      for (const recipient of this.recipientsOf(attendee, notice))
        this.record(
          new AttendeeConfirmed(
            {
              ...this.change(attendee, recipient, notice),
              ticketNumber: attendee.ticketNumber,
              myPageUrl: notice.myPageUrl,
            },
            recipient.email,
          ),
        );
    }
    return confirmed;
  }

  /** `confirmed` attendees among `attendeeIds` get a certificate; the others are left alone. */
  complete(
    attendeeIds: ReadonlySet<string>,
    issueCertificate: () => string,
    notice: Notice & { certificateUrl: (attendee: Attendee) => string },
    now: Date,
  ): number {
    let completed = 0;
    for (const attendee of this.attendees.getItems()) {
      if (!attendeeIds.has(attendee.id) || attendee.status !== 'confirmed') continue;
      attendee.status = 'completed';
      attendee.certificateNumber = issueCertificate();
      attendee.completedAt = now;
      completed += 1;
      for (const recipient of this.recipientsOf(attendee, notice))
        this.record(
          new AttendeeCompleted(
            {
              ...this.change(attendee, recipient, notice),
              certificateNumber: attendee.certificateNumber,
              certificateUrl: notice.certificateUrl(attendee),
            },
            recipient.email,
          ),
        );
    }
    return completed;
  }

  /**
   * Cancels the listed attendees, or every live one when none are listed. A completed or cancelled
   * attendee among those listed refuses the whole cancellation, changing nothing. The applicant is
   * told by mail unless `by` is a withdrawal (`notice.applicant` is then null).
   */
  cancel(
    attendeeIds: readonly string[] | undefined,
    by: CancelledBy,
    notice: Omit<Notice, 'applicant'> & { applicant: Recipient | null; applicantAccountId: string },
    now: Date,
  ): Attendee[] {
    const chosen =
      attendeeIds === undefined
        ? this.liveAttendees()
        : [...new Set(attendeeIds)].map((id) => this.attendees.getItems().find((a) => a.id === id));
    const refused = chosen.filter((attendee) => !attendee?.isLive);
    if (chosen.length === 0 || refused.length > 0)
      throw new AttendeeNotCancellableError({
        attendeeIds: (attendeeIds ?? []).filter(
          (id) => !this.attendees.getItems().some((a) => a.id === id && a.isLive),
        ),
      });
    const cancelled = chosen as Attendee[];
    for (const attendee of cancelled) {
      const wasConfirmed = attendee.status === 'confirmed';
      attendee.status = 'cancelled';
      attendee.cancelledAt = now;
      attendee.cancelledBy = by;
      const recipient = notice.applicant ?? {
        accountId: notice.applicantAccountId,
        email: '',
        language: 'ja' as const,
      };
      this.record(
        new AttendeeCancelled(
          { ...this.change(attendee, recipient, notice), by, wasConfirmed },
          notice.applicant ? notice.applicant.email : null,
        ),
      );
    }
    return cancelled;
  }

  /**
   * The account withdrew (ADR 0091). Its live seats here, those it applied for and the one it holds,
   * are cancelled without a mail; the name, kana and e-mail of the seats that are its own, and of
   * those it applied for that have no account of their own (a corporate's staff), are erased, and so
   * is its name as the applicant. Numbers and statuses stay, so a certificate still verifies. Only
   * what still needs doing is done: a second delivery of the withdrawal changes and records nothing.
   */
  releaseWithdrawn(
    accountId: string,
    notice: Pick<Notice, 'facts' | 'byAccountId'>,
    now: Date,
  ): { cancelled: number; erased: number } {
    const applied = this.applicantAccountId === accountId;
    if (applied) this.applicantName = null;
    const erased = this.attendees
      .getItems()
      .filter((attendee) => attendee.accountId === accountId || (applied && !attendee.accountId))
      .filter((attendee) => attendee.erasePersonalData()).length;
    const live = this.liveAttendees().filter(
      (attendee) => applied || attendee.accountId === accountId,
    );
    if (live.length > 0)
      this.cancel(
        live.map((attendee) => attendee.id),
        'withdrawal',
        {
          ...notice,
          applicant: null,
          applicantAccountId: this.applicantAccountId,
          attendeeAccounts: new Map(),
        },
        now,
      );
    return { cancelled: live.length, erased };
  }

  private recipientsOf(attendee: Attendee, notice: Notice): Recipient[] {
    const own =
      attendee.kind === 'member' && attendee.accountId
        ? notice.attendeeAccounts.get(attendee.accountId)
        : undefined;
    return own ? [notice.applicant, own] : [notice.applicant];
  }

  private change(
    attendee: Attendee,
    recipient: Recipient,
    notice: Pick<Notice, 'facts' | 'byAccountId'>,
  ): AttendeeChangePayload {
    return {
      ...notice.facts,
      applicationId: this.id,
      applicationNumber: this.number,
      attendeeId: attendee.id,
      attendeeName: attendee.name ?? '',
      recipientAccountId: recipient.accountId,
      language: recipient.language,
      byAccountId: notice.byAccountId,
    };
  }
}

/** One seat of an application: received → confirmed → completed, or cancelled before completion. */
@Entity({ schema: 'enrollments', tableName: 'attendee' })
@Index({ properties: ['sessionId', 'status'] })
@Index({ properties: ['accountId'] })
export class Attendee {
  @PrimaryKey({ type: 'uuid' })
  readonly id: string = randomUUID();

  @ManyToOne(() => Application, { fieldName: 'application_id' })
  readonly application!: Application;

  /** The application's session, kept on the seat so live seats are counted in one index. */
  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'smallint' })
  position!: number;

  @Property({ type: 'string', length: 8 })
  kind!: AttendeeKind;

  /** Self and member: the attendee's own account. Staff: null. */
  @Property({ type: 'uuid', nullable: true })
  accountId: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  userId: string | null = null;

  /** Null once the person withdrew and the data was erased (ADR 0091). */
  @Property({ type: 'string', length: 100, nullable: true })
  name: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  nameKana: string | null = null;

  /** Staff only (lower-cased): the person's key for "one live seat per session". */
  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Property({ type: 'string', length: 16 })
  status: AttendeeStatus = 'received';

  @Property({ type: 'string', length: 12, nullable: true, unique: true })
  ticketNumber: string | null = null;

  @Property({ type: 'string', length: 14, nullable: true, unique: true })
  certificateNumber: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'string', length: 16, nullable: true })
  cancelledBy: CancelledBy | null = null;

  get isLive(): boolean {
    return this.status === 'received' || this.status === 'confirmed';
  }

  /** Whether there was anything to erase. */
  erasePersonalData(): boolean {
    if (this.name === null && this.nameKana === null && this.email === null) return false;
    this.name = null;
    this.nameKana = null;
    this.email = null;
    return true;
  }

  static seat(application: Application, input: AttendeeInput, position: number): Attendee {
    return Object.assign(new Attendee(), {
      application,
      sessionId: application.sessionId,
      position,
      kind: input.kind,
      accountId: input.accountId,
      userId: input.userId,
      name: input.name,
      nameKana: input.nameKana,
      email: input.email?.toLowerCase() ?? null,
    });
  }
}
