import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { AggregateRoot } from '@app/ddd';
import type { Course } from './course.entity';
import { SessionFullError, SessionNotOpenError } from './enrollments.errors';
import { SessionClosed, SessionOpened, SessionScheduled } from './enrollments.events';
import type { SessionFacts, SessionStatusChangePayload } from './enrollments.events';
import { addDays, japanTime } from './japan-date';
import { QaEntitlement } from './qa-entitlement';

export const SESSION_STATUSES = ['draft', 'open', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const MAX_CAPACITY = 1000;
export const VENUE_MAX_LENGTH = 200;

/** What staff give to schedule a session; which fields apply depends on the course's kind. */
export type SessionSchedule =
  | { kind: 'classroom'; date: string; venue: string; capacity: number }
  | { kind: 'elearning'; accessStart: string; accessEnd: string; capacity: number | null };

/**
 * A session (開催回) of a course. Its row is the lock every application for it takes while the
 * live seats are counted, so the seats never exceed the capacity (ADR 0092). Named `course_session`:
 * "session" is the login session elsewhere in the service.
 */
@Entity({ schema: 'enrollments', tableName: 'course_session' })
@Index({ properties: ['status', 'date'] })
export class CourseSession extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  readonly id: string = randomUUID();

  @Property({ type: 'uuid' })
  @Index()
  courseId!: string;

  /** The course date; for e-learning the access start. */
  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'string', length: VENUE_MAX_LENGTH, nullable: true })
  venue: string | null = null;

  @Property({ type: 'date', nullable: true })
  accessStart: string | null = null;

  @Property({ type: 'date', nullable: true })
  accessEnd: string | null = null;

  /** Null: unlimited (e-learning only). */
  @Property({ type: 'integer', nullable: true })
  capacity: number | null = null;

  @Property({ type: 'string', length: 16 })
  status: SessionStatus = 'draft';

  @Property({ type: 'timestamptz' })
  readonly createdAt: Date = new Date();

  static schedule(
    course: Pick<Course, 'id' | 'code'>,
    schedule: SessionSchedule,
    byAccountId: string | null,
  ): CourseSession {
    const session = new CourseSession();
    session.courseId = course.id;
    if (schedule.kind === 'classroom') {
      session.date = schedule.date;
      session.venue = schedule.venue;
      session.capacity = schedule.capacity;
    } else {
      session.date = schedule.accessStart;
      session.accessStart = schedule.accessStart;
      session.accessEnd = schedule.accessEnd;
      session.capacity = schedule.capacity;
    }
    session.record(
      new SessionScheduled({
        sessionId: session.id,
        courseId: course.id,
        courseCode: course.code,
        date: session.date,
        venue: session.venue,
        accessStart: session.accessStart,
        accessEnd: session.accessEnd,
        capacity: session.capacity,
        byAccountId,
      }),
    );
    return session;
  }

  /** Opening an open session again changes nothing. */
  open(byAccountId: string | null): void {
    if (this.status === 'open') return;
    this.status = 'open';
    this.record(new SessionOpened(this.statusChange(byAccountId)));
  }

  close(byAccountId: string | null): void {
    if (this.status === 'closed') return;
    this.status = 'closed';
    this.record(new SessionClosed(this.statusChange(byAccountId)));
  }

  /** The last day the session takes place (or can be accessed). */
  get lastDate(): string {
    return this.accessEnd ?? this.date;
  }

  /** 17:00 Japan time the day before the course date: customers may cancel until then. */
  get cancellationDeadline(): Date {
    return japanTime(addDays(this.date, -1), 17);
  }

  qaEntitlement(): QaEntitlement {
    return QaEntitlement.from(this.date);
  }

  seatsLeft(seatsTaken: number): number | null {
    return this.capacity === null ? null : Math.max(0, this.capacity - seatsTaken);
  }

  /**
   * Called with the session row locked and its live seats counted under that lock: of two
   * requests for the last seat, the second counts the first's seat.
   */
  admit(seatsTaken: number, seatsWanted: number): void {
    if (this.status !== 'open') throw new SessionNotOpenError();
    const seatsLeft = this.seatsLeft(seatsTaken);
    if (seatsLeft !== null && seatsWanted > seatsLeft) throw new SessionFullError({ seatsLeft });
  }

  facts(course: Pick<Course, 'code' | 'title'>): SessionFacts {
    return {
      sessionId: this.id,
      courseCode: course.code,
      courseTitle: course.title,
      date: this.date,
      venue: this.venue,
      accessEnd: this.accessEnd,
    };
  }

  private statusChange(byAccountId: string | null): SessionStatusChangePayload {
    return { sessionId: this.id, courseId: this.courseId, date: this.date, byAccountId };
  }
}
