import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import type { TestApp } from '../test-app';

export const ADMIN_ENROLLMENTS = '/api/v1/admin/enrollments';
export const MY_APPLICATIONS = '/api/v1/me/applications';

type Auth = { auth: { Authorization: string } };
export type Body = Record<string, unknown>;
export interface AttendeeBody extends Body {
  id: string;
  status: string;
  ticketNumber: string | null;
  certificateNumber: string | null;
}
export interface ApplicationBody extends Body {
  id: string;
  number: string;
  attendees: AttendeeBody[];
}

/** Today's calendar date in Japan, the zone every course date is read in. */
export function todayInJapan(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** A course code unique per call, so tests never share one in a database. */
export const aCourseCode = (prefix = 'QA') =>
  `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`;

/** A course and one open session of it, scheduled by staff through the console's API. */
export async function anOpenSession(
  t: TestApp,
  staff: Auth,
  options: {
    kind?: 'classroom' | 'elearning';
    qaEligible?: boolean;
    title?: string;
    date?: string;
    venue?: string;
  } = {},
): Promise<{
  courseId: string;
  courseCode: string;
  title: string;
  sessionId: string;
  date: string;
}> {
  const kind = options.kind ?? 'classroom';
  const code = aCourseCode();
  const title = options.title ?? '労働安全衛生基礎講習';
  const date = options.date ?? todayInJapan();
  const course = await t
    .http()
    .post(`${ADMIN_ENROLLMENTS}/courses`)
    .set(staff.auth)
    .send({ code, title, kind, qaEligible: options.qaEligible ?? true })
    .expect(201);
  const schedule =
    kind === 'classroom'
      ? { date, venue: options.venue ?? '東京会場(千代田区 研修センター 3階)', capacity: 50 }
      : { accessStart: date, accessEnd: date };
  const session = await t
    .http()
    .post(`${ADMIN_ENROLLMENTS}/courses/${course.body.id as string}/sessions`)
    .set(staff.auth)
    .send(schedule)
    .expect(201);
  const sessionId = session.body.id as string;
  await t
    .http()
    .post(`${ADMIN_ENROLLMENTS}/sessions/${sessionId}/opening`)
    .set(staff.auth)
    .send({})
    .expect(200);
  return { courseId: course.body.id as string, courseCode: code, title, sessionId, date };
}

export async function apply(
  t: TestApp,
  applicant: Auth,
  sessionId: string,
  attendees: Body[],
): Promise<ApplicationBody> {
  const res = await t
    .http()
    .post(MY_APPLICATIONS)
    .set(applicant.auth)
    .send({ sessionId, attendees })
    .expect(201);
  return res.body as ApplicationBody;
}

export async function confirm(t: TestApp, staff: Auth, sessionId: string, attendeeIds: string[]) {
  await t
    .http()
    .post(`${ADMIN_ENROLLMENTS}/sessions/${sessionId}/confirmations`)
    .set(staff.auth)
    .send({ attendeeIds })
    .expect(200);
}

export async function complete(t: TestApp, staff: Auth, sessionId: string, attendeeIds: string[]) {
  await t
    .http()
    .post(`${ADMIN_ENROLLMENTS}/sessions/${sessionId}/completions`)
    .set(staff.auth)
    .send({ attendeeIds })
    .expect(200);
}

export async function applicationOf(
  t: TestApp,
  reader: Auth,
  applicationId: string,
): Promise<ApplicationBody> {
  const res = await t
    .http()
    .get(`${MY_APPLICATIONS}/${applicationId}`)
    .set(reader.auth)
    .expect(200);
  return res.body as ApplicationBody;
}

/** supertest keeps a PDF body as bytes with this parser. */
export function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

export const documentUrl = (
  applicationId: string,
  attendeeId: string,
  kind: 'ticket' | 'certificate',
) => `${MY_APPLICATIONS}/${applicationId}/attendees/${attendeeId}/${kind}.pdf`;
