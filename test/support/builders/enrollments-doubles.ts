import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Application, Attendee } from '../../../src/modules/enrollments/domain/application.entity';
import type {
  AttendeeInput,
  Notice,
} from '../../../src/modules/enrollments/domain/application.entity';
import type { AggregateRoot } from '@app/ddd';
import { Course } from '../../../src/modules/enrollments/domain/course.entity';
import { CourseSession } from '../../../src/modules/enrollments/domain/course-session.entity';
import type { Recipient } from '../../../src/modules/enrollments/domain/enrollments.events';

/** Attendees are a MikroORM collection: their metadata is discovered (no connection) around a spec. */
export function useEnrollmentsModel(): void {
  let orm: MikroORM | undefined;
  beforeAll(async () => {
    orm = await MikroORM.init({
      driver: PostgreSqlDriver,
      entities: [Course, CourseSession, Application, Attendee],
      dbName: 'unit-specs-never-connect',
      connect: false,
    });
  });
  afterAll(() => orm?.close());
}

export const eventsOf = (aggregate: AggregateRoot) =>
  aggregate.pullEvents().map((event) => ({
    type: event.type,
    subject: event.subjectAccountId,
    payload: event.payload,
    secrets: event.secrets,
  }));

export const applicantRecipient: Recipient = {
  accountId: 'acc-applicant',
  email: 'applicant@example.jp',
  language: 'ja',
};

export const FACTS = {
  sessionId: 'session-1',
  courseCode: 'SEC-101',
  courseTitle: '情報セキュリティ基礎',
  date: '2026-04-10',
  venue: '東京本社',
  accessEnd: null,
};

export function aNotice(overrides: Partial<Notice> = {}): Notice {
  return {
    facts: FACTS,
    applicant: applicantRecipient,
    attendeeAccounts: new Map(),
    byAccountId: null,
    ...overrides,
  };
}

export const self: AttendeeInput = {
  kind: 'self',
  accountId: 'acc-applicant',
  userId: 'Applicant1',
  name: '鈴木 一郎',
  nameKana: 'スズキ イチロウ',
  email: null,
};

export const aStaffAttendee = (email: string, name = '高橋 次郎'): AttendeeInput => ({
  kind: 'staff',
  accountId: null,
  userId: null,
  name,
  nameKana: 'タカハシ ジロウ',
  email,
});

export const aMemberAttendee = (userId: string): AttendeeInput => ({
  kind: 'member',
  accountId: `acc-${userId}`,
  userId,
  name: '田中 一郎',
  nameKana: 'タナカ イチロウ',
  email: null,
});

/** An application of the applicant account holding `attendees`, its received event pulled. */
export function anApplication(attendees: AttendeeInput[], pullEvents = true): Application {
  const application = Application.receive(
    {
      number: 'A-00000001',
      sessionId: 'session-1',
      applicant: {
        accountId: 'acc-applicant',
        userId: 'Applicant1',
        type: 'corporate',
        name: '鈴木 一郎',
      },
      channel: 'web',
      attendees,
      myPageUrl: 'https://portal.example.jp/mypage/applications',
    },
    aNotice(),
    new Date('2026-03-01T00:00:00Z'),
  );
  if (pullEvents) application.pullEvents();
  return application;
}
