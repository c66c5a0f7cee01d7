import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { forkForReads } from '@app/platform';

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
 * The reads behind the QA service endpoint, the reminder job and the public certificate check. They
 * join the caller's transaction when there is one and never ask the pool for a second connection
 * (ADR 0006).
 */
@Injectable()
export class QaEntitlementsReadModel {
  constructor(private readonly em: EntityManager) {}

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
}
