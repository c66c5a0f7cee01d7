import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus } from '@nestjs/cqrs';
import { ReleaseWithdrawnAccountCommand } from '../../src/modules/enrollments/application/commands/release-withdrawn-account/release-withdrawn-account.command';
import { addDays, japanDate } from '../../src/modules/enrollments/domain/japan-date';
import {
  accountRows,
  accountRowsByEmail,
  aRegisteredAccount,
  aStaffMember,
  deliveredEvent,
  outboxEvents,
} from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import { bearer, logIn } from '@test/support/builders/authentication';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

const ADMIN = '/api/v1/admin/enrollments';
const PAPER = `${ADMIN}/applications`;
const REASON = '郵送の申込書(受付番号 P-0042)';

interface AttendeeBody {
  id: string;
  kind: string;
  name: string | null;
  status: string;
  certificateNumber: string | null;
}
interface ApplicationBody {
  id: string;
  number: string;
  channel: string;
  applicant: { userId: string; type: string; name: string | null };
  attendees: AttendeeBody[];
  registeredUserId?: string;
}

describe('enrollments: paper applications (POST /admin/enrollments/applications) and withdrawal', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let support: LoggedInAccount;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, RATE_LIMIT_PER_MINUTE: '10000', LOGIN_RATE_LIMIT_PER_IP: '10000' },
    });
    support = await aStaffMember(t, 'support').loggedIn();
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const sql = <T = Record<string, unknown>>(statement: string, params: unknown[] = []) =>
    t.app.get(EntityManager).fork().getConnection().execute<T[]>(statement, params);

  /** A classroom course with one session 30 days ahead, opened unless told otherwise. */
  async function aSession(options: { capacity?: number; open?: boolean } = {}): Promise<string> {
    const code = `P-${randomBytes(4).toString('hex')}`.toUpperCase();
    const course = await t
      .http()
      .post(`${ADMIN}/courses`)
      .set(support.auth)
      .send({ code, title: `個人情報保護研修 ${code}`, kind: 'classroom', qaEligible: true })
      .expect(201);
    const session = await t
      .http()
      .post(`${ADMIN}/courses/${course.body.id as string}/sessions`)
      .set(support.auth)
      .send({
        date: addDays(japanDate(new Date()), 30),
        venue: '大阪会場',
        capacity: options.capacity ?? 10,
      })
      .expect(201);
    const sessionId = session.body.id as string;
    if (options.open !== false)
      await t
        .http()
        .post(`${ADMIN}/sessions/${sessionId}/opening`)
        .set(support.auth)
        .send({})
        .expect(200);
    return sessionId;
  }

  const paper = (body: object, auth = support.auth) => t.http().post(PAPER).set(auth).send(body);

  const aNewCustomer = () => {
    const email = `paper-${randomBytes(5).toString('hex')}@example.jp`;
    return { email, profile: { name: '中村 花子', nameKana: 'ナカムラ ハナコ' } };
  };

  const applicationsIn = async (sessionId: string) =>
    Number(
      (
        await sql<{ n: string }>(
          'select count(*) as "n" from "enrollments"."application" where "session_id" = ?',
          [sessionId],
        )
      )[0].n,
    );

  /** Rows that exist only when something registered an account or issued a temporary password. */
  const registrationTraces = async () =>
    (await outboxEvents(t, 'accounts.account-registered')).length +
    (await outboxEvents(t, 'authentication.temporary-password-issued')).length;

  const temporaryPasswordIn = (text: string) =>
    /(?:仮パスワード|Temporary password): ([A-Za-z0-9]+)/.exec(text)?.[1] as string;

  describe('for an existing user ID', () => {
    it('applies on the paper channel for the account itself and records the staff member and the reason', async () => {
      const sessionId = await aSession();
      const customer = await aRegisteredAccount(t).loggedIn();

      const response = await paper({ sessionId, userId: customer.userId, reason: REASON }).expect(
        201,
      );

      const application = response.body as ApplicationBody;
      expect(application).toMatchObject({
        channel: 'paper',
        sessionId,
        applicant: { userId: customer.userId, type: 'individual', name: '山田 太郎' },
        attendees: [{ kind: 'self', name: '山田 太郎', status: 'received' }],
      });
      expect(application.number).toMatch(/^A-\d{8}$/);
      expect(application).not.toHaveProperty('registeredUserId');

      const [event] = await outboxEvents(t, 'enrollments.application-received', customer.accountId);
      expect(event.payload).toMatchObject({
        channel: 'paper',
        applicationNumber: application.number,
      });
      expect(event.metadata).toMatchObject({
        actorAccountId: support.accountId,
        staffReason: REASON,
      });
      const audited = await waitFor(
        async () => {
          const trail = await t
            .http()
            .get(`/api/v1/admin/accounts/${customer.userId}/audit`)
            .query({ types: 'enrollments.application-received' })
            .set(support.auth)
            .expect(200);
          return (trail.body.items as Array<Record<string, unknown>>)[0];
        },
        { what: 'the paper application in the customer’s audit trail' },
      );
      expect(audited).toMatchObject({ actorAccountId: support.accountId, staffReason: REASON });
      const mine = await t.http().get('/api/v1/me/applications').set(customer.auth).expect(200);
      expect((mine.body.items as ApplicationBody[]).map((a) => a.id)).toEqual([application.id]);
    });

    it('takes the attendees written on the form, as for the account’s type', async () => {
      const sessionId = await aSession();
      const corporate = await aRegisteredAccount(t).withType('corporate').register();
      const response = await paper({
        sessionId,
        userId: corporate.userId,
        attendees: [
          {
            kind: 'staff',
            name: '佐藤 一郎',
            nameKana: 'サトウ イチロウ',
            email: `s1-${corporate.userId}@example.jp`,
          },
          { kind: 'self' },
        ],
        reason: REASON,
      }).expect(201);
      expect((response.body as ApplicationBody).attendees.map((a) => [a.kind, a.name])).toEqual([
        ['staff', '佐藤 一郎'],
        ['self', '鈴木 一郎'],
      ]);

      const individual = await aRegisteredAccount(t).register();
      const refused = await paper({
        sessionId,
        userId: individual.userId,
        attendees: [
          { kind: 'staff', name: '佐藤 一郎', nameKana: 'サトウ イチロウ', email: 'x@example.jp' },
        ],
        reason: REASON,
      }).expect(400);
      expect(refused.body.code).toBe('ATTENDEE_KIND_NOT_ALLOWED');
    });

    it('answers 404 ACCOUNT_NOT_FOUND for an unknown user ID, writing nothing', async () => {
      const sessionId = await aSession();
      const response = await paper({ sessionId, userId: 'nobody0000x', reason: REASON }).expect(
        404,
      );
      expect(response.body.code).toBe('ACCOUNT_NOT_FOUND');
      expect(await applicationsIn(sessionId)).toBe(0);
    });
  });

  describe('for a new customer', () => {
    it('registers them in the same step, mails the ID and a temporary password they log in with, and shows them the application', async () => {
      const sessionId = await aSession();
      const newCustomer = aNewCustomer();

      const response = await paper({ sessionId, newCustomer, reason: REASON }).expect(201);

      const application = response.body as ApplicationBody;
      const userId = application.registeredUserId as string;
      expect(userId).toMatch(/^[2-9a-hjkmnp-z]{10}$/);
      expect(application).toMatchObject({
        channel: 'paper',
        applicant: { userId, type: 'individual', name: '中村 花子' },
        attendees: [{ kind: 'self', name: '中村 花子', status: 'received' }],
      });
      const [row] = await accountRows(t, userId);
      expect(row).toMatchObject({
        email: newCustomer.email,
        registered_by: 'staff',
        type: 'individual',
      });
      const [registered] = await outboxEvents(t, 'accounts.account-registered', row.id as string);
      expect(registered.metadata).toMatchObject({
        actorAccountId: support.accountId,
        staffReason: REASON,
      });

      const mail = await smtp.waitForMail(
        (m) => m.to.includes(newCustomer.email) && m.subject.includes('仮パスワード'),
        'the ID and temporary password mail',
      );
      expect(mail.text).toContain(`ユーザID: ${userId}`);
      const temporary = temporaryPasswordIn(mail.text);

      const login = await logIn(t, userId, temporary).expect(200);
      expect(login.body.status).toBe('password_change_required');
      const restricted = bearer(login.body.sessionToken as string);
      const newPassword = `Nw${randomBytes(5).toString('hex')}`;
      await t
        .http()
        .post('/api/v1/auth/password')
        .set(restricted)
        .send({ currentPassword: temporary, newPassword })
        .expect(204);
      const full = await logIn(t, userId, newPassword).expect(200);
      expect(full.body.status).toBe('authenticated');
      const mine = await t
        .http()
        .get('/api/v1/me/applications')
        .set(bearer(full.body.sessionToken as string))
        .expect(200);
      expect(mine.body.items).toEqual([
        expect.objectContaining({
          id: application.id,
          number: application.number,
          channel: 'paper',
        }),
      ]);
    });

    it.each([
      [
        'both userId and newCustomer',
        (userId: string) => ({ userId, newCustomer: aNewCustomer() }),
      ],
      ['neither userId nor newCustomer', () => ({})],
      ['no reason', () => ({ newCustomer: aNewCustomer(), reason: undefined })],
    ])('refuses %s with 400 VALIDATION_FAILED, writing nothing', async (_what, applicant) => {
      const sessionId = await aSession();
      const existing = await aRegisteredAccount(t).register();
      const body = { sessionId, reason: REASON, ...applicant(existing.userId) };
      const before = await registrationTraces();

      const response = await paper(body).expect(400);

      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(await applicationsIn(sessionId)).toBe(0);
      expect(await registrationTraces()).toBe(before);
      const email = (body as { newCustomer?: { email: string } }).newCustomer?.email;
      if (email) expect(await accountRowsByEmail(t, email)).toHaveLength(0);
    });

    it.each([
      ['a full session', 'SESSION_FULL', { capacity: 1 }],
      ['a session not open', 'SESSION_NOT_OPEN', { open: false }],
    ])(
      'for %s answers 409 %s and registers no account, writes nothing and mails nothing',
      async (_what, code, session) => {
        const sessionId = await aSession(session);
        if (code === 'SESSION_FULL') {
          const first = await aRegisteredAccount(t).register();
          await paper({ sessionId, userId: first.userId, reason: REASON }).expect(201);
        }
        const newCustomer = aNewCustomer();
        const applicationsBefore = await applicationsIn(sessionId);
        const tracesBefore = await registrationTraces();

        const response = await paper({ sessionId, newCustomer, reason: REASON }).expect(409);

        expect(response.body.code).toBe(code);
        expect(await accountRowsByEmail(t, newCustomer.email)).toHaveLength(0);
        expect(await applicationsIn(sessionId)).toBe(applicationsBefore);
        // Mails leave only from outbox rows; none was written, so none can be sent.
        expect(await registrationTraces()).toBe(tracesBefore);
        expect(smtp.to(newCustomer.email)).toEqual([]);
      },
    );

    it('refuses a customer (403 FORBIDDEN)', async () => {
      const sessionId = await aSession();
      const customer = await aRegisteredAccount(t).loggedIn();
      const newCustomer = aNewCustomer();
      const response = await paper(
        { sessionId, newCustomer, reason: REASON },
        customer.auth,
      ).expect(403);
      expect(response.body.code).toBe('FORBIDDEN');
      expect(await accountRowsByEmail(t, newCustomer.email)).toHaveLength(0);
    });
  });

  describe('withdrawal (ADR 0091)', () => {
    it('cancels the live seat without a mail and erases the completed attendee’s name, the certificate still verifying without it', async () => {
      const received = await aSession();
      const completed = await aSession();
      const customer = await aRegisteredAccount(t).loggedIn();
      const live = (
        await paper({ sessionId: received, userId: customer.userId, reason: REASON }).expect(201)
      ).body as ApplicationBody;
      const done = (
        await paper({ sessionId: completed, userId: customer.userId, reason: REASON }).expect(201)
      ).body as ApplicationBody;
      const attendeeIds = [done.attendees[0].id];
      await t
        .http()
        .post(`${ADMIN}/sessions/${completed}/confirmations`)
        .set(support.auth)
        .send({ attendeeIds })
        .expect(200);
      await t
        .http()
        .post(`${ADMIN}/sessions/${completed}/completions`)
        .set(support.auth)
        .send({ attendeeIds })
        .expect(200);
      const [{ certificate_number: certificate }] = await sql<{ certificate_number: string }>(
        'select "certificate_number" from "enrollments"."attendee" where "id" = ?',
        attendeeIds,
      );
      expect(certificate).toMatch(/^C-[0-9A-HJKMNP-TV-Z]{12}$/);
      const completedSession = (
        await t.http().get(`${ADMIN}/sessions/${completed}`).set(support.auth).expect(200)
      ).body as { course: { code: string; title: string }; date: string };
      const publicCheck = async () =>
        (await t.http().get(`/api/v1/certificates/${certificate}`).expect(200)).body as unknown;
      const verified = {
        valid: true,
        number: certificate,
        courseTitle: completedSession.course.title,
        courseCode: completedSession.course.code,
        date: completedSession.date,
      };
      expect(done.attendees[0].name).toBe('山田 太郎');
      expect(await publicCheck()).toEqual({ ...verified, holderName: '山＊ ＊＊' });

      await t
        .http()
        .post('/api/v1/me/withdrawal')
        .set(customer.auth)
        .send({ password: customer.password })
        .expect(202);
      await t
        .http()
        .post(`/api/v1/admin/withdrawals/${customer.userId}/complete`)
        .set(support.auth)
        .send({})
        .expect(200);

      const cancelled = await waitFor(
        async () => {
          const [row] = await sql<{
            status: string;
            cancelled_by: string | null;
            name: string | null;
          }>(
            'select "status", "cancelled_by", "name" from "enrollments"."attendee" where "id" = ?',
            [live.attendees[0].id],
          );
          return row.status === 'cancelled' && row;
        },
        { what: 'the live seat cancelled by the withdrawal' },
      );
      expect(cancelled).toEqual({ status: 'cancelled', cancelled_by: 'withdrawal', name: null });

      const [kept] = await sql<Record<string, unknown>>(
        'select "status", "name", "name_kana", "email", "certificate_number" from "enrollments"."attendee" where "id" = ?',
        attendeeIds,
      );
      expect(kept).toEqual({
        status: 'completed',
        name: null,
        name_kana: null,
        email: null,
        certificate_number: certificate,
      });
      const [applicant] = await sql<{ applicant_name: string | null }>(
        'select "applicant_name" from "enrollments"."application" where "id" = ?',
        [done.id],
      );
      expect(applicant.applicant_name).toBeNull();
      // The public check still verifies the certificate, without a name to show (ADR 0091).
      expect(await publicCheck()).toEqual({ ...verified, holderName: null });

      const session = await t
        .http()
        .get(`${ADMIN}/sessions/${received}`)
        .set(support.auth)
        .expect(200);
      expect(session.body.seatsTaken).toBe(0);

      // Every consumer, the mail queue included, has handled the cancellation: no mail was sent for it.
      const event = await deliveredEvent(t, 'enrollments.attendee-cancelled', customer.accountId);
      expect(event.payload).toMatchObject({ by: 'withdrawal', attendeeName: '' });
      expect(smtp.to(customer.email).filter((m) => m.subject.includes('キャンセル'))).toEqual([]);

      // Delivered again (at least once): nothing left to do.
      expect(
        await t.app.get(CommandBus).execute(new ReleaseWithdrawnAccountCommand(customer.accountId)),
      ).toEqual({ cancelled: 0, erased: 0 });
    });
  });
});
