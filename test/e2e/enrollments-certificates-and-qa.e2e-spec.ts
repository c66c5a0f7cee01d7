import { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import {
  aRegisteredAccount,
  aStaffMember,
  requestWithdrawal,
  aUserId,
  deliveredEvent,
  outboxEvents,
} from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import {
  anOpenSession,
  apply,
  applicationOf,
  complete,
  confirm,
  todayInJapan,
} from '@test/support/builders/enrollment-documents';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp, createTestDatabase } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import {
  QA_REMINDER_QUEUE,
  QaReminderScheduler,
} from '../../src/modules/enrollments/infrastructure/qa-reminder.scheduler';

const QA_TOKEN = 'qa-service-token-0123456789abcdef';
const CHECKS_PER_IP = 5;
const QA_REMINDER_DUE = 'enrollments.qa-reminder-due';

/** The calendar date `days` after `date`. */
const addDays = (date: string, days: number) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
/** 00:00 Japan time of a calendar date. */
const japanMidnight = (date: string) => new Date(`${date}T00:00:00+09:00`);

let addresses = 0;
/** A client address of its own, so the per-IP limit of one check never touches another. */
const anIp = () => `203.0.113.${(addresses += 1)}`;

describe('enrollments: public certificate check, QA service endpoint and reminder (two instances, real SMTP)', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    const env = {
      DATABASE_URL: await createTestDatabase(),
      SMTP_URL: smtp.url,
      ENROLLMENTS_CERTIFICATE_CHECKS_PER_IP: String(CHECKS_PER_IP),
    };
    t = await createTestApp({ env: { ...env, QA_SERVICE_TOKEN: QA_TOKEN } });
    // The second instance shares the database and Redis but has no QA token configured.
    second = await createTestApp({
      env: { ...env, REDIS_KEY_PREFIX: t.config.REDIS_KEY_PREFIX },
    });
  });

  afterAll(async () => {
    await t.close();
    await second.close();
    await smtp.stop();
  });

  const sql = <T>(query: string, params: unknown[] = []) =>
    t.app.get(EntityManager).fork().getConnection().execute<T[]>(query, params);

  describe('GET /certificates/{number} (public)', () => {
    let certificateNumber: string;
    let attendeeId: string;
    let session: Awaited<ReturnType<typeof anOpenSession>>;

    beforeAll(async () => {
      const holder = await aRegisteredAccount(t).loggedIn(); // 山田 太郎
      session = await anOpenSession(t, {
        title: '化学物質管理者講習',
        date: addDays(todayInJapan(), 1),
      });
      const application = await apply(t, holder, session.sessionId, [{ kind: 'self' }]);
      attendeeId = application.attendees[0].id;
      await confirm(t, session.sessionId, [attendeeId]);
      await complete(t, session.sessionId, [attendeeId]);
      const { attendees } = await applicationOf(t, application.id);
      certificateNumber = attendees[0].certificateNumber as string;
    });

    const check = (number: string, ip = anIp()) =>
      t
        .http()
        .get(`/api/v1/certificates/${encodeURIComponent(number)}`)
        .set('X-Forwarded-For', ip);

    it('verifies a number without a session, with the course, the date and the name masked', async () => {
      const res = await check(certificateNumber).expect(200);
      expect(res.body).toEqual({
        valid: true,
        number: certificateNumber,
        courseTitle: '化学物質管理者講習',
        courseCode: session.courseCode,
        date: session.date,
        holderName: '山＊ ＊＊',
      });
    });

    it('answers an unknown number with CERTIFICATE_NOT_FOUND and a malformed one with VALIDATION_FAILED', async () => {
      expect((await check('C-000000000000').expect(404)).body.code).toBe('CERTIFICATE_NOT_FOUND');
      for (const bad of [
        'abc',
        'C-0000000000',
        'c-000000000000',
        'C-00000000000U',
        `${certificateNumber}0`,
      ])
        expect((await check(bad).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });

    it('still verifies once the holder withdrew and the name was erased, with holderName null', async () => {
      await sql(
        `update "enrollments"."attendee" set "name" = null, "name_kana" = null where "id" = ?`,
        [attendeeId],
      );
      const res = await check(certificateNumber).expect(200);
      expect(res.body).toEqual(expect.objectContaining({ valid: true, holderName: null }));
    });

    it('limits checks per client IP, shared by the instances, with Retry-After', async () => {
      const ip = anIp();
      for (let i = 0; i < CHECKS_PER_IP; i += 1)
        await (i % 2 === 0 ? t : second)
          .http()
          .get('/api/v1/certificates/C-000000000000')
          .set('X-Forwarded-For', ip)
          .expect(404);
      const refused = await check('C-000000000000', ip).expect(429);
      expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      await check('C-000000000000').expect(404);
    });
  });

  describe('GET /qa/entitlements (the QA service)', () => {
    let attendee: LoggedInAccount;
    let corporate: LoggedInAccount;
    let session: Awaited<ReturnType<typeof anOpenSession>>;

    beforeAll(async () => {
      attendee = await aRegisteredAccount(t).loggedIn();
      corporate = await aRegisteredAccount(t).withType('corporate').loggedIn();
      session = await anOpenSession(t, { qaEligible: true });
      const own = await apply(t, attendee, session.sessionId, [{ kind: 'self' }]);
      const forStaff = await apply(t, corporate, session.sessionId, [
        {
          kind: 'staff',
          name: '鈴木 次郎',
          nameKana: 'スズキ ジロウ',
          email: `${aUserId()}@example.jp`,
        },
      ]);
      await confirm(t, session.sessionId, [own.attendees[0].id, forStaff.attendees[0].id]);
    });

    const ask = (query: Record<string, string>, app: TestApp = t) =>
      app.http().get('/api/v1/qa/entitlements').query(query);

    it('refuses a missing token, a wrong one and a customer session with SERVICE_UNAUTHENTICATED', async () => {
      const query = { userId: attendee.userId, courseCode: session.courseCode };
      for (const request of [
        ask(query),
        ask(query).set('Authorization', `Bearer ${QA_TOKEN}x`),
        ask(query).set('Authorization', `Bearer ${QA_TOKEN.slice(0, -1)}`),
        ask(query).set('Authorization', QA_TOKEN),
        ask(query).set(attendee.auth),
      ]) {
        const res = await request.expect(401);
        expect(res.body.code).toBe('SERVICE_UNAUTHENTICATED');
      }
    });

    it("answers the attendee's entitlement: 90 days from the course date, in Japan time", async () => {
      const res = await ask({
        userId: attendee.userId,
        courseCode: session.courseCode.toLowerCase(),
      })
        .set('Authorization', `Bearer ${QA_TOKEN}`)
        .expect(200);
      expect(res.body).toEqual({
        userId: attendee.userId,
        courseCode: session.courseCode.toLowerCase(),
        entitled: true,
        endsAt: japanMidnight(addDays(session.date, 90)).toISOString(),
        lastDay: addDays(session.date, 89),
      });
    });

    it("gives a staff attendee's entitlement to the applicant account", async () => {
      const res = await ask({ userId: corporate.userId, courseCode: session.courseCode })
        .set('Authorization', `Bearer ${QA_TOKEN}`)
        .expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({ entitled: true, lastDay: addDays(session.date, 89) }),
      );
    });

    it('answers entitled false for an unknown user ID and for a course the user did not take', async () => {
      for (const query of [
        { userId: aUserId(), courseCode: session.courseCode },
        { userId: attendee.userId, courseCode: 'NO-SUCH-COURSE' },
        { userId: attendee.userId.toUpperCase(), courseCode: session.courseCode },
      ]) {
        const res = await ask(query).set('Authorization', `Bearer ${QA_TOKEN}`).expect(200);
        expect(res.body).toEqual({ ...query, entitled: false, endsAt: null, lastDay: null });
      }
    });

    it('answers entitled false once the account withdrew', async () => {
      const leaving = await aRegisteredAccount(t).loggedIn();
      const own = await apply(t, leaving, session.sessionId, [{ kind: 'self' }]);
      await confirm(t, session.sessionId, [own.attendees[0].id]);
      const query = { userId: leaving.userId, courseCode: session.courseCode };
      const before = await ask(query).set('Authorization', `Bearer ${QA_TOKEN}`).expect(200);
      expect(before.body.entitled).toBe(true);
      await requestWithdrawal(t, leaving);
      const support = await aStaffMember(t, 'support').loggedIn();
      await t
        .http()
        .post(`/api/v1/admin/withdrawals/${leaving.userId}/complete`)
        .set(support.auth)
        .expect(200);
      const after = await ask(query).set('Authorization', `Bearer ${QA_TOKEN}`).expect(200);
      expect(after.body).toEqual({ ...query, entitled: false, endsAt: null, lastDay: null });
    });

    it('answers a bad query with VALIDATION_FAILED', async () => {
      const queries: Record<string, string>[] = [
        { courseCode: session.courseCode },
        { userId: attendee.userId },
        { userId: attendee.userId, courseCode: 'コース' },
        { userId: attendee.userId, courseCode: session.courseCode, extra: '1' },
      ];
      for (const query of queries) {
        const res = await ask(query).set('Authorization', `Bearer ${QA_TOKEN}`).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    });

    it('does not exist where no QA_SERVICE_TOKEN is configured', async () => {
      const res = await ask({ userId: attendee.userId, courseCode: session.courseCode }, second)
        .set('Authorization', 'Bearer ')
        .expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });
  });

  describe('the QA reminder, 7 days before the end', () => {
    it('is recorded and mailed exactly once when two instances run the job at the same moment', async () => {
      const attendee = await aRegisteredAccount(t).loggedIn();
      // A date of its own: no other entitlement of this database is due at the moments used here.
      const session = await anOpenSession(t, {
        qaEligible: true,
        title: 'リマインダー講習',
        date: addDays(todayInJapan(), 30),
      });
      const application = await apply(t, attendee, session.sessionId, [{ kind: 'self' }]);
      await confirm(t, session.sessionId, [application.attendees[0].id]);
      const endsAt = japanMidnight(addDays(session.date, 90));
      const scheduler = (app: TestApp) => app.app.get(QaReminderScheduler);

      // Both instances declared the same schedule: one repeatable job in Redis.
      const queue = t.app.get<Queue>(getQueueToken(QA_REMINDER_QUEUE));
      expect(await queue.getRepeatableJobs()).toHaveLength(1);

      const notYet = new Date(endsAt.getTime() - 7 * 86_400_000 - 1);
      expect(await scheduler(t).run(notYet)).toEqual({ recorded: 0 });

      const due = new Date(endsAt.getTime() - 3 * 86_400_000);
      const runs = await Promise.all([
        scheduler(t).run(due),
        scheduler(second).run(due),
        scheduler(t).run(due),
        scheduler(second).run(due),
      ]);
      expect(runs.map((run) => run.recorded).reduce((a, b) => a + b, 0)).toBe(1);
      expect(await scheduler(second).run(due)).toEqual({ recorded: 0 });

      const event = await deliveredEvent(t, QA_REMINDER_DUE, attendee.accountId);
      expect(event.payload).toEqual(
        expect.objectContaining({
          attendeeId: application.attendees[0].id,
          courseCode: session.courseCode,
          lastDay: addDays(session.date, 89),
          endsAt: endsAt.toISOString(),
        }),
      );
      expect(await outboxEvents(t, QA_REMINDER_DUE, attendee.accountId)).toHaveLength(1);
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(attendee.email) && m.text.includes(addDays(session.date, 89)),
        'the QA reminder',
      );
      expect(mail.text).toContain('リマインダー講習');
      expect(smtp.to(attendee.email).filter((m) => m.subject === mail.subject)).toHaveLength(1);
    });
  });
});
