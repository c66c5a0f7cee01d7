import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'supertest';
import { ApplyForSeatsCommand } from '../../../src/modules/enrollments/application/commands/apply-for-seats/apply-for-seats.command';
import type { RequestedAttendee } from '../../../src/modules/enrollments/application/commands/apply-for-seats/apply-for-seats.command';
import { CompleteAttendeesCommand } from '../../../src/modules/enrollments/application/commands/complete-attendees/complete-attendees.command';
import { ConfirmAttendeesCommand } from '../../../src/modules/enrollments/application/commands/confirm-attendees/confirm-attendees.command';
import { CreateCourseCommand } from '../../../src/modules/enrollments/application/commands/create-course/create-course.command';
import { OpenSessionCommand } from '../../../src/modules/enrollments/application/commands/open-session/open-session.command';
import { ScheduleSessionCommand } from '../../../src/modules/enrollments/application/commands/schedule-session/schedule-session.command';
import type { TestApp } from '../test-app';

export const MY_APPLICATIONS = '/api/v1/me/applications';

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

/**
 * A course and one open session of it, scheduled the way the console's staff schedule them (its
 * commands), so these tests need nothing but the enrollments context's use cases.
 */
export async function anOpenSession(
  t: TestApp,
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
  const commands = t.app.get(CommandBus);
  const kind = options.kind ?? 'classroom';
  const code = aCourseCode();
  const title = options.title ?? '労働安全衛生基礎講習';
  const date = options.date ?? todayInJapan();
  const { courseId } = await commands.execute(
    new CreateCourseCommand({ code, title, kind, qaEligible: options.qaEligible ?? true }),
  );
  const { sessionId } = await commands.execute(
    new ScheduleSessionCommand(
      courseId,
      kind === 'classroom'
        ? { date, venue: options.venue ?? '東京会場(千代田区 研修センター 3階)', capacity: 50 }
        : { accessStart: date, accessEnd: date },
    ),
  );
  await commands.execute(new OpenSessionCommand(sessionId));
  return { courseId, courseCode: code, title, sessionId, date };
}

/** The application and its attendees as stored (numbers included). */
export async function applicationOf(t: TestApp, applicationId: string): Promise<ApplicationBody> {
  const connection = t.app.get(EntityManager).fork().getConnection();
  const [application] = await connection.execute<{ id: string; number: string }[]>(
    'select "id", "number" from "enrollments"."application" where "id" = ?',
    [applicationId],
  );
  const attendees = await connection.execute<Record<string, string | null>[]>(
    `select "id", "kind", "status", "ticket_number", "certificate_number"
       from "enrollments"."attendee" where "application_id" = ? order by "position"`,
    [applicationId],
  );
  return {
    ...application,
    attendees: attendees.map((row) => ({
      id: row.id as string,
      kind: row.kind,
      status: row.status as string,
      ticketNumber: row.ticket_number,
      certificateNumber: row.certificate_number,
    })),
  };
}

/** Applied for as the customer applies from My Page (the same use case, channel web). */
export async function apply(
  t: TestApp,
  applicant: { accountId: string },
  sessionId: string,
  attendees: RequestedAttendee[],
): Promise<ApplicationBody> {
  const { applicationId } = await t.app
    .get(CommandBus)
    .execute(new ApplyForSeatsCommand(applicant.accountId, sessionId, attendees, 'web'));
  return applicationOf(t, applicationId);
}

export async function confirm(t: TestApp, sessionId: string, attendeeIds: string[]) {
  await t.app.get(CommandBus).execute(new ConfirmAttendeesCommand(sessionId, attendeeIds));
}

export async function complete(t: TestApp, sessionId: string, attendeeIds: string[]) {
  await t.app.get(CommandBus).execute(new CompleteAttendeesCommand(sessionId, attendeeIds));
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
