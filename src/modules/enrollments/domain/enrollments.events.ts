import { DomainEvent } from '@app/ddd';

export type CourseKind = 'classroom' | 'elearning';
export type MailLanguage = 'ja' | 'en';
export type CancelledBy = 'customer' | 'staff' | 'withdrawal';

/** Who is told by mail: the account, its language; the address travels in `secrets` only. */
export interface Recipient {
  accountId: string;
  email: string;
  language: MailLanguage;
}

export type CourseCreatedPayload = {
  courseId: string;
  code: string;
  title: string;
  kind: CourseKind;
  qaEligible: boolean;
  byAccountId: string | null;
};

export class CourseCreated extends DomainEvent<CourseCreatedPayload> {
  static readonly TYPE = 'enrollments.course-created';
  readonly type = CourseCreated.TYPE;

  constructor(payload: CourseCreatedPayload) {
    super(null, payload);
  }
}

export type CourseChangedPayload = {
  courseId: string;
  code: string;
  title: string;
  qaEligible: boolean;
  changedFields: string[];
  byAccountId: string | null;
};

export class CourseChanged extends DomainEvent<CourseChangedPayload> {
  static readonly TYPE = 'enrollments.course-changed';
  readonly type = CourseChanged.TYPE;

  constructor(payload: CourseChangedPayload) {
    super(null, payload);
  }
}

export type SessionScheduledPayload = {
  sessionId: string;
  courseId: string;
  courseCode: string;
  date: string;
  venue: string | null;
  accessStart: string | null;
  accessEnd: string | null;
  capacity: number | null;
  byAccountId: string | null;
};

export class SessionScheduled extends DomainEvent<SessionScheduledPayload> {
  static readonly TYPE = 'enrollments.session-scheduled';
  readonly type = SessionScheduled.TYPE;

  constructor(payload: SessionScheduledPayload) {
    super(null, payload);
  }
}

export type SessionStatusChangePayload = {
  sessionId: string;
  courseId: string;
  date: string;
  byAccountId: string | null;
};

export class SessionOpened extends DomainEvent<SessionStatusChangePayload> {
  static readonly TYPE = 'enrollments.session-opened';
  readonly type = SessionOpened.TYPE;

  constructor(payload: SessionStatusChangePayload) {
    super(null, payload);
  }
}

export class SessionClosed extends DomainEvent<SessionStatusChangePayload> {
  static readonly TYPE = 'enrollments.session-closed';
  readonly type = SessionClosed.TYPE;

  constructor(payload: SessionStatusChangePayload) {
    super(null, payload);
  }
}

/** What every mail about a seat names: the course and when and where it takes place. */
export type SessionFacts = {
  sessionId: string;
  courseCode: string;
  courseTitle: string;
  date: string;
  venue: string | null;
  accessEnd: string | null;
};

export type ApplicationReceivedPayload = SessionFacts & {
  applicationId: string;
  applicationNumber: string;
  channel: 'web' | 'paper';
  applicantAccountId: string;
  applicantUserId: string;
  attendeeIds: string[];
  attendeeNames: string[];
  myPageUrl: string;
  language: MailLanguage;
  byAccountId: string | null;
};

/** Mailed to the applicant account with the application number and the attendees. */
export class ApplicationReceived extends DomainEvent<ApplicationReceivedPayload> {
  static readonly TYPE = 'enrollments.application-received';
  readonly type = ApplicationReceived.TYPE;

  constructor(payload: ApplicationReceivedPayload, email: string) {
    super(payload.applicantAccountId, payload, { email });
  }
}

export type AttendeeChangePayload = SessionFacts & {
  applicationId: string;
  applicationNumber: string;
  attendeeId: string;
  attendeeName: string;
  /** The account told by this event's mail (the applicant, or a member attendee's own account). */
  recipientAccountId: string;
  language: MailLanguage;
  byAccountId: string | null;
};

export type AttendeeConfirmedPayload = AttendeeChangePayload & {
  ticketNumber: string;
  myPageUrl: string;
};

/**
 * A ticket was issued. One event per account told: the applicant's, and a member attendee's own
 * account gets one of its own, so each reaches that account's audit trail and mailbox.
 */
export class AttendeeConfirmed extends DomainEvent<AttendeeConfirmedPayload> {
  static readonly TYPE = 'enrollments.attendee-confirmed';
  readonly type = AttendeeConfirmed.TYPE;

  constructor(payload: AttendeeConfirmedPayload, email: string) {
    super(payload.recipientAccountId, payload, { email });
  }
}

export type AttendeeCompletedPayload = AttendeeChangePayload & {
  certificateNumber: string;
  certificateUrl: string;
};

/** A certificate was issued; told like `AttendeeConfirmed`. */
export class AttendeeCompleted extends DomainEvent<AttendeeCompletedPayload> {
  static readonly TYPE = 'enrollments.attendee-completed';
  readonly type = AttendeeCompleted.TYPE;

  constructor(payload: AttendeeCompletedPayload, email: string) {
    super(payload.recipientAccountId, payload, { email });
  }
}

export type AttendeeCancelledPayload = AttendeeChangePayload & {
  by: CancelledBy;
  /** Whether the seat held a ticket when it was cancelled. */
  wasConfirmed: boolean;
};

/** Mailed to the applicant, except for a withdrawal (no address is given then). */
export class AttendeeCancelled extends DomainEvent<AttendeeCancelledPayload> {
  static readonly TYPE = 'enrollments.attendee-cancelled';
  readonly type = AttendeeCancelled.TYPE;

  constructor(payload: AttendeeCancelledPayload, email: string | null) {
    super(payload.recipientAccountId, payload, email === null ? null : { email });
  }
}

export type QaReminderDuePayload = {
  attendeeId: string;
  applicationId: string;
  courseCode: string;
  courseTitle: string;
  recipientAccountId: string;
  /** The last day of the free QA service (YYYY-MM-DD, Japan time). */
  lastDay: string;
  endsAt: string;
  language: MailLanguage;
};

/** Seven days before a QA entitlement ends, once per entitlement: mailed to its account. */
export class QaReminderDue extends DomainEvent<QaReminderDuePayload> {
  static readonly TYPE = 'enrollments.qa-reminder-due';
  readonly type = QaReminderDue.TYPE;

  constructor(payload: QaReminderDuePayload, email: string) {
    super(payload.recipientAccountId, payload, { email });
  }
}
