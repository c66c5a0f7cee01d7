import { randomBytes } from 'node:crypto';
import { addDays, japanDate } from '../../../src/modules/enrollments/domain/japan-date';
import type { TestApp } from '../test-app';
import { EntityManager } from '@mikro-orm/postgresql';

export const ADMIN_ENROLLMENTS = '/api/v1/admin/enrollments';
export const MY_APPLICATIONS = '/api/v1/me/applications';

type Auth = { Authorization: string };

export function aCourseCode(prefix = 'C'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`.toUpperCase();
}

/** A Japan calendar date `days` from today. */
export function inDays(days: number): string {
  return addDays(japanDate(new Date()), days);
}

export interface CourseAndSession {
  courseId: string;
  code: string;
  sessionId: string;
}

/** A course with one open session (classroom unless told), created through the staff API. */
export async function anOpenSession(
  t: TestApp,
  staff: { auth: Auth },
  options: {
    kind?: 'classroom' | 'elearning';
    capacity?: number;
    date?: string;
    qaEligible?: boolean;
    title?: string;
  } = {},
): Promise<CourseAndSession> {
  const code = aCourseCode();
  const kind = options.kind ?? 'classroom';
  const course = await t
    .http()
    .post(`${ADMIN_ENROLLMENTS}/courses`)
    .set(staff.auth)
    .send({
      code,
      title: options.title ?? `情報セキュリティ基礎 ${code}`,
      kind,
      qaEligible: options.qaEligible ?? false,
    })
    .expect(201);
  const date = options.date ?? inDays(30);
  const schedule =
    kind === 'classroom'
      ? { date, venue: '東京本社 5F 研修室', capacity: options.capacity ?? 30 }
      : {
          accessStart: date,
          accessEnd: addDays(date, 30),
          ...(options.capacity ? { capacity: options.capacity } : {}),
        };
  const session = await t
    .http()
    .post(`${ADMIN_ENROLLMENTS}/courses/${course.body.id as string}/sessions`)
    .set(staff.auth)
    .send(schedule)
    .expect(201);
  await t
    .http()
    .post(`${ADMIN_ENROLLMENTS}/sessions/${session.body.id as string}/opening`)
    .set(staff.auth)
    .send({})
    .expect(200);
  return { courseId: course.body.id as string, code, sessionId: session.body.id as string };
}

/** Rows of the enrollments schema, to prove that a refusal wrote nothing. */
export async function enrollmentCounts(t: TestApp): Promise<Record<string, number>> {
  const [row] = await sql<Record<string, string>>(
    t,
    `select (select count(*) from "enrollments"."course") as "courses", ` +
      `(select count(*) from "enrollments"."course_session") as "sessions", ` +
      `(select count(*) from "enrollments"."application") as "applications", ` +
      `(select count(*) from "enrollments"."attendee") as "attendees", ` +
      `(select count(*) from "platform"."outbox_message" where "type" like 'enrollments.%') as "events"`,
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/** The audit records of enrollments events, once the audit consumer stored them. */
export async function enrollmentAudit(
  t: TestApp,
  where: { type: string; subjectAccountId?: string },
): Promise<
  Array<{
    type: string;
    actor_account_id: string | null;
    staff_reason: string | null;
    subject_account_id: string | null;
    payload: Record<string, unknown>;
  }>
> {
  return sql(
    t,
    `select "type", "actor_account_id", "staff_reason", "subject_account_id", "payload" from "audit"."audit_record" ` +
      `where "type" = ? ${where.subjectAccountId ? 'and "subject_account_id" = ?' : ''} order by "occurred_at"`,
    [where.type, ...(where.subjectAccountId ? [where.subjectAccountId] : [])],
  );
}

/** Raw SQL on the test database, e.g. to move a session's date into the past. */
export function sql<T = Record<string, unknown>>(
  t: TestApp,
  statement: string,
  params: unknown[] = [],
): Promise<T[]> {
  return t.app.get(EntityManager).fork().getConnection().execute<T[]>(statement, params);
}
