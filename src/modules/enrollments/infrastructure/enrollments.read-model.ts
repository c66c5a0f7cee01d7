import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { isUuid } from '@app/ddd';
import { forkForReads } from '@app/platform';
import { Application, Attendee } from '../domain/application.entity';
import { Course } from '../domain/course.entity';
import { CourseSession } from '../domain/course-session.entity';

/** A session as the views show it: with its course and its seats taken (not cancelled). */
export interface SessionRecord {
  session: CourseSession;
  course: Course;
  seatsTaken: number;
}

export interface ApplicationRecord {
  application: Application;
  attendees: Attendee[];
  session: SessionRecord;
}

/** A seat that gives (or gave) a QA entitlement, with the account it belongs to (ADR 0090). */
export interface EntitlementSeat {
  attendeeId: string;
  applicationId: string;
  /** The attendee's own account (self, member), else the applicant's (staff). */
  ownerAccountId: string;
  courseCode: string;
  courseTitle: string;
  /** The course date (access start for e-learning), `YYYY-MM-DD` in Japan time. */
  startDate: string;
}

/** A certificate as the public check shows it. */
export interface CertificateRecord {
  number: string;
  courseTitle: string;
  courseCode: string;
  date: string;
  /** Null once the holder withdrew and the name was erased (ADR 0091). */
  holderName: string | null;
}

type SeatRow = {
  attendee_id: string;
  application_id: string;
  owner_account_id: string;
  course_code: string;
  course_title: string;
  start_date: string;
};

const SEATS = `
  select a."id" as attendee_id, a."application_id", coalesce(a."account_id", ap."applicant_account_id") as owner_account_id,
         c."code" as course_code, c."title" as course_title, to_char(s."date", 'YYYY-MM-DD') as start_date
    from "enrollments"."attendee" a
    join "enrollments"."application" ap on ap."id" = a."application_id"
    join "enrollments"."course_session" s on s."id" = a."session_id"
    join "enrollments"."course" c on c."id" = s."course_id"
   where c."qa_eligible" and a."status" in ('confirmed', 'completed')`;

const toSeat = (row: SeatRow): EntitlementSeat => ({
  attendeeId: row.attendee_id,
  applicationId: row.application_id,
  ownerAccountId: row.owner_account_id,
  courseCode: row.course_code,
  courseTitle: row.course_title,
  startDate: row.start_date,
});

/**
 * Every read behind the enrollments context's queries, outside any lock — the QA service endpoint,
 * the reminder job and the public certificate check included. Reads join the caller's transaction
 * when there is one and never ask the pool for a second connection (ADR 0006).
 */
@Injectable()
export class EnrollmentsReadModel {
  constructor(private readonly em: EntityManager) {}

  /** Open sessions whose date (or access end) is `today` or later, soonest first. */
  async openSessions(today: string, courseCode?: string): Promise<SessionRecord[]> {
    const em = forkForReads(this.em);
    let courseIds: string[] | undefined;
    if (courseCode !== undefined) {
      const courses = await em.find(Course, {
        code: { $ilike: courseCode.replace(/[\\%_]/g, '\\$&') },
      });
      courseIds = courses.map((course) => course.id);
      if (courseIds.length === 0) return [];
    }
    const sessions = await em.find(
      CourseSession,
      {
        status: 'open',
        $or: [{ accessEnd: { $gte: today } }, { accessEnd: null, date: { $gte: today } }],
        ...(courseIds ? { courseId: { $in: courseIds } } : {}),
      },
      { orderBy: { date: 'asc', createdAt: 'asc' }, limit: 500 },
    );
    return this.withCourses(em, sessions);
  }

  async courses(): Promise<{ course: Course; sessions: SessionRecord[] }[]> {
    const em = forkForReads(this.em);
    const courses = await em.find(Course, {}, { orderBy: { code: 'asc' } });
    const sessions = await this.withCourses(
      em,
      await em.find(CourseSession, {}, { orderBy: { date: 'asc', createdAt: 'asc' } }),
    );
    return courses.map((course) => ({
      course,
      sessions: sessions.filter((record) => record.course.id === course.id),
    }));
  }

  async course(courseId: string): Promise<Course | null> {
    if (!isUuid(courseId)) return null;
    return forkForReads(this.em).findOne(Course, { id: courseId });
  }

  async session(sessionId: string): Promise<SessionRecord | null> {
    if (!isUuid(sessionId)) return null;
    const em = forkForReads(this.em);
    const session = await em.findOne(CourseSession, { id: sessionId }, { refresh: true });
    if (!session) return null;
    const [record] = await this.withCourses(em, [session]);
    return record;
  }

  /** Every attendee of the session with its application, in the order they applied. */
  async sessionAttendees(sessionId: string): Promise<Attendee[]> {
    if (!isUuid(sessionId)) return [];
    return forkForReads(this.em).find(
      Attendee,
      { sessionId },
      {
        populate: ['application'],
        orderBy: { application: { createdAt: 'asc' }, position: 'asc' },
      },
    );
  }

  async application(applicationId: string): Promise<ApplicationRecord | null> {
    if (!isUuid(applicationId)) return null;
    const em = forkForReads(this.em);
    const application = await em.findOne(Application, { id: applicationId }, { refresh: true });
    if (!application) return null;
    const [record] = await this.withSessions(em, [application]);
    return record ?? null;
  }

  /** Those the account made and those where it is an attendee, newest first. */
  async applicationsOf(accountId: string): Promise<ApplicationRecord[]> {
    if (!isUuid(accountId)) return [];
    const em = forkForReads(this.em);
    const held = await em.find(Attendee, { accountId }, { fields: ['application'] });
    const applications = await em.find(
      Application,
      {
        $or: [
          { applicantAccountId: accountId },
          { id: { $in: held.map((attendee) => attendee.application.id) } },
        ],
      },
      { orderBy: { createdAt: 'desc', number: 'desc' }, limit: 1000 },
    );
    return this.withSessions(em, applications);
  }

  /** The account's entitling seats for a course (its code matched without regard to case). */
  async seatsOf(accountId: string, courseCode: string): Promise<EntitlementSeat[]> {
    const rows = await forkForReads(this.em).execute<SeatRow[]>(
      `${SEATS}
         and lower(c."code") = lower(?)
         and (a."account_id" = ? or (a."account_id" is null and ap."applicant_account_id" = ?))`,
      [courseCode, accountId, accountId],
    );
    return rows.map(toSeat);
  }

  /** Seats whose course date lies in the range and that were not reminded yet, oldest first. */
  async notRemindedStartingBetween(
    from: string,
    to: string,
    limit: number,
  ): Promise<EntitlementSeat[]> {
    const rows = await forkForReads(this.em).execute<SeatRow[]>(
      `${SEATS}
         and s."date" between ?::date and ?::date
         and not exists (select 1 from "enrollments"."qa_reminder" r where r."attendee_id" = a."id")
       order by s."date", a."id"
       limit ${Number(limit)}`,
      [from, to],
    );
    return rows.map(toSeat);
  }

  async certificate(number: string): Promise<CertificateRecord | null> {
    const [row] = await forkForReads(this.em).execute<
      {
        certificate_number: string;
        name: string | null;
        course_title: string;
        course_code: string;
        date: string;
      }[]
    >(
      `select a."certificate_number", a."name", c."title" as course_title, c."code" as course_code,
              to_char(s."date", 'YYYY-MM-DD') as date
         from "enrollments"."attendee" a
         join "enrollments"."course_session" s on s."id" = a."session_id"
         join "enrollments"."course" c on c."id" = s."course_id"
        where a."certificate_number" = ? and a."status" = 'completed'`,
      [number],
    );
    if (!row) return null;
    return {
      number: row.certificate_number,
      courseTitle: row.course_title,
      courseCode: row.course_code,
      date: row.date,
      holderName: row.name,
    };
  }

  private async withSessions(
    em: EntityManager,
    applications: Application[],
  ): Promise<ApplicationRecord[]> {
    if (applications.length === 0) return [];
    const attendees = await em.find(
      Attendee,
      { application: { $in: applications.map((a) => a.id) } },
      { orderBy: { position: 'asc' }, refresh: true },
    );
    const sessions = await this.withCourses(
      em,
      await em.find(CourseSession, {
        id: { $in: [...new Set(applications.map((a) => a.sessionId))] },
      }),
    );
    return applications.flatMap((application) => {
      const session = sessions.find((record) => record.session.id === application.sessionId);
      if (!session) return [];
      return [
        {
          application,
          attendees: attendees.filter((attendee) => attendee.application.id === application.id),
          session,
        },
      ];
    });
  }

  private async withCourses(
    em: EntityManager,
    sessions: CourseSession[],
  ): Promise<SessionRecord[]> {
    if (sessions.length === 0) return [];
    const courses = await em.find(Course, {
      id: { $in: [...new Set(sessions.map((s) => s.courseId))] },
    });
    const seats = await this.seatsTaken(
      em,
      sessions.map((s) => s.id),
    );
    return sessions.flatMap((session) => {
      const course = courses.find((c) => c.id === session.courseId);
      return course ? [{ session, course, seatsTaken: seats.get(session.id) ?? 0 }] : [];
    });
  }

  private async seatsTaken(em: EntityManager, sessionIds: string[]): Promise<Map<string, number>> {
    const rows = await em.execute<{ session_id: string; seats: string }[]>(
      `select "session_id", count(*) as "seats" from "enrollments"."attendee" ` +
        `where "status" <> 'cancelled' and "session_id" in (?) group by "session_id"`,
      [sessionIds],
    );
    return new Map(rows.map((row) => [row.session_id, Number(row.seats)]));
  }
}
