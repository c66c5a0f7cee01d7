import { randomUUID } from 'node:crypto';
import { aRegisteredAccount, aStaffMember } from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import {
  ADMIN_ENROLLMENTS,
  MY_APPLICATIONS,
  anOpenSession,
  enrollmentCounts,
  inDays,
  sql,
} from '@test/support/builders/enrollments';
import { aGroupWithAdministrator, aMemberOf } from '@test/support/builders/groups';
import type { GroupAdministrator } from '@test/support/builders/groups';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

interface AttendeeBody {
  id: string;
  kind: string;
  userId: string | null;
  name: string | null;
  email: string | null;
  status: string;
  ticketNumber: string | null;
  qa: { entitled: boolean; endsAt: string; lastDay: string } | null;
}
interface ApplicationBody {
  id: string;
  number: string;
  attendees: AttendeeBody[];
}

describe('enrollments: customers apply, read and cancel (real PostgreSQL, Redis, SMTP)', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let staff: LoggedInAccount;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
        RATE_LIMIT_PER_MINUTE: '10000',
        ENROLLMENTS_PORTAL_URL: 'https://portal.example.jp',
      },
    });
    staff = await aStaffMember(t, 'support').loggedIn();
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const apply = (who: { auth: Record<string, string> }, body: object) =>
    t.http().post(MY_APPLICATIONS).set(who.auth).send(body);
  const staffPost = (path: string, body: object) =>
    t.http().post(`${ADMIN_ENROLLMENTS}${path}`).set(staff.auth).send(body);

  async function refusedWithoutWriting(
    refused: () => PromiseLike<{
      status: number;
      body: { code?: string; details?: Record<string, unknown> };
    }>,
    status: number,
    code: string,
  ): Promise<{ details?: Record<string, unknown> }> {
    const before = await enrollmentCounts(t);
    const response = await refused();
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(await enrollmentCounts(t)).toEqual(before);
    return response.body;
  }

  const auditTypes = async (userId: string): Promise<string[]> =>
    (
      (await t.http().get(`/api/v1/admin/accounts/${userId}/audit`).set(staff.auth).expect(200))
        .body.items as Array<{ type: string }>
    ).map((item) => item.type);

  describe('an individual', () => {
    it('applies for itself, reads it on My Page and is mailed the application number', async () => {
      const { sessionId, code } = await anOpenSession(t, staff, { capacity: 5 });
      const me = await aRegisteredAccount(t).loggedIn();
      const applied = await apply(me, { sessionId, attendees: [{ kind: 'self' }] }).expect(201);
      const body = applied.body as ApplicationBody & Record<string, unknown>;
      expect(body).toMatchObject({
        number: expect.stringMatching(/^A-\d{8}$/),
        sessionId,
        session: { id: sessionId, course: { code }, seatsTaken: 1, seatsLeft: 4, status: 'open' },
        applicant: { userId: me.userId, type: 'individual', name: '山田 太郎' },
        channel: 'web',
        attendees: [
          {
            kind: 'self',
            userId: me.userId,
            name: '山田 太郎',
            nameKana: 'ヤマダ タロウ',
            email: null,
            status: 'received',
            ticketNumber: null,
            certificateNumber: null,
            qa: null,
          },
        ],
      });
      expect((await t.http().get(MY_APPLICATIONS).set(me.auth).expect(200)).body.items).toEqual([
        body,
      ]);
      expect(
        (await t.http().get(`${MY_APPLICATIONS}/${body.id}`).set(me.auth).expect(200)).body,
      ).toEqual(body);

      const mail = await smtp.waitForMail(
        (m) => m.to.includes(me.email) && m.subject.includes('受講のお申込み'),
        'the received mail',
      );
      expect(mail.subject).toBe('【研修ポータル】受講のお申込みを受け付けました');
      expect(mail.text).toContain(`申込番号: ${body.number}`);
      expect(mail.text).toContain('・山田 太郎');
      expect(mail.text).toContain('https://portal.example.jp/mypage/applications');
      await waitFor(
        async () => (await auditTypes(me.userId)).includes('enrollments.application-received'),
        {
          what: 'ApplicationReceived in the applicant’s audit trail',
        },
      );
    });

    it('is refused other kinds, a second seat, a session not open or unknown, writing nothing', async () => {
      const { sessionId } = await anOpenSession(t, staff);
      const me = await aRegisteredAccount(t).loggedIn();
      const staffAttendee = {
        kind: 'staff',
        name: '高橋 次郎',
        nameKana: 'タカハシ ジロウ',
        email: 'j@example.jp',
      };
      await refusedWithoutWriting(
        () => apply(me, { sessionId, attendees: [staffAttendee] }),
        400,
        'ATTENDEE_KIND_NOT_ALLOWED',
      );
      await refusedWithoutWriting(
        () => apply(me, { sessionId, attendees: [{ kind: 'self' }, { kind: 'self' }] }),
        400,
        'ATTENDEE_KIND_NOT_ALLOWED',
      );
      await refusedWithoutWriting(
        () => apply(me, { sessionId, attendees: [{ kind: 'member', userId: 'someone1' }] }),
        400,
        'ATTENDEE_KIND_NOT_ALLOWED',
      );
      await apply(me, { sessionId, attendees: [{ kind: 'self' }] }).expect(201);
      await refusedWithoutWriting(
        () => apply(me, { sessionId, attendees: [{ kind: 'self' }] }),
        409,
        'ALREADY_APPLIED',
      );
      await refusedWithoutWriting(
        () => apply(me, { sessionId: randomUUID(), attendees: [{ kind: 'self' }] }),
        404,
        'SESSION_NOT_FOUND',
      );
      await refusedWithoutWriting(
        () => apply(me, { sessionId: 'x', attendees: [{ kind: 'self' }] }),
        400,
        'VALIDATION_FAILED',
      );
      await refusedWithoutWriting(
        () => apply(me, { sessionId, attendees: [] }),
        400,
        'VALIDATION_FAILED',
      );
      await refusedWithoutWriting(
        () => apply(me, { sessionId, attendees: [{ kind: 'self', name: 'x' }] }),
        400,
        'VALIDATION_FAILED',
      );
      await refusedWithoutWriting(
        () => apply(me, { sessionId, attendees: [{ kind: 'self' }], extra: 1 }),
        400,
        'VALIDATION_FAILED',
      );
      await staffPost(`/sessions/${sessionId}/closing`, {}).expect(200);
      const other = await aRegisteredAccount(t).loggedIn();
      await refusedWithoutWriting(
        () => apply(other, { sessionId, attendees: [{ kind: 'self' }] }),
        409,
        'SESSION_NOT_OPEN',
      );
    });
  });

  describe('a corporate account', () => {
    const aStaff = (name = '高橋 次郎') => ({
      kind: 'staff',
      name,
      nameKana: 'タカハシ ジロウ',
      email: `staff-${randomUUID()}@example.jp`,
    });

    it('applies for two of its staff and itself; a staff e-mail holds one seat per session', async () => {
      const { sessionId } = await anOpenSession(t, staff, { capacity: 10 });
      const company = await aRegisteredAccount(t).withType('corporate').loggedIn();
      const [first, second] = [aStaff('高橋 次郎'), aStaff('伊藤 三郎')];
      const applied = await apply(company, {
        sessionId,
        attendees: [first, second, { kind: 'self' }],
      }).expect(201);
      expect(
        (applied.body as ApplicationBody).attendees.map((a) => [a.kind, a.name, a.email]),
      ).toEqual([
        ['staff', '高橋 次郎', first.email],
        ['staff', '伊藤 三郎', second.email],
        ['self', '鈴木 一郎', null],
      ]);
      const again = await refusedWithoutWriting(
        () =>
          apply(company, {
            sessionId,
            attendees: [{ ...aStaff(), email: first.email.toUpperCase() }],
          }),
        409,
        'ALREADY_APPLIED',
      );
      expect(again.details).toMatchObject({ emails: [first.email] });
      const twice = aStaff();
      await refusedWithoutWriting(
        () => apply(company, { sessionId, attendees: [twice, { ...twice }] }),
        409,
        'ALREADY_APPLIED',
      );
      await refusedWithoutWriting(
        () =>
          apply(company, {
            sessionId,
            attendees: [{ kind: 'staff', name: '名前', nameKana: 'ナマエ' }],
          }),
        400,
        'VALIDATION_FAILED',
      );
      await refusedWithoutWriting(
        () => apply(company, { sessionId, attendees: [{ ...aStaff(), nameKana: 'namae' }] }),
        400,
        'VALIDATION_FAILED',
      );
      await refusedWithoutWriting(
        () => apply(company, { sessionId, attendees: Array.from({ length: 21 }, () => aStaff()) }),
        400,
        'VALIDATION_FAILED',
      );
      await refusedWithoutWriting(
        () => apply(company, { sessionId, attendees: [{ kind: 'member', userId: 'someone1' }] }),
        400,
        'ATTENDEE_KIND_NOT_ALLOWED',
      );
      const full = await refusedWithoutWriting(
        () => apply(company, { sessionId, attendees: Array.from({ length: 8 }, () => aStaff()) }),
        409,
        'SESSION_FULL',
      );
      expect(full.details).toEqual({ seatsLeft: 7 });
    });
  });

  describe('a group', () => {
    let administrator: GroupAdministrator;
    let member: LoggedInAccount;

    beforeAll(async () => {
      administrator = await aGroupWithAdministrator(t);
      member = await aMemberOf(t, smtp, administrator);
    });

    it('applies for a member, who sees it; staff confirm and complete, and both accounts are mailed', async () => {
      const { sessionId } = await anOpenSession(t, staff, { qaEligible: true, date: inDays(7) });
      const applied = await apply(administrator, {
        sessionId,
        attendees: [{ kind: 'member', userId: member.userId }],
      }).expect(201);
      const application = applied.body as ApplicationBody;
      expect(application.attendees).toEqual([
        expect.objectContaining({
          kind: 'member',
          userId: member.userId,
          name: '田中 一郎',
          status: 'received',
          qa: {
            entitled: false,
            endsAt: new Date(`${inDays(97)}T00:00:00+09:00`).toISOString(),
            lastDay: inDays(96),
          },
        }),
      ]);
      const seen = (await t.http().get(MY_APPLICATIONS).set(member.auth).expect(200)).body
        .items as ApplicationBody[];
      expect(seen.map((a) => a.id)).toEqual([application.id]);
      await t.http().get(`${MY_APPLICATIONS}/${application.id}`).set(member.auth).expect(200);
      const stranger = await aRegisteredAccount(t).loggedIn();
      await t
        .http()
        .get(`${MY_APPLICATIONS}/${application.id}`)
        .set(stranger.auth)
        .expect(404, /APPLICATION_NOT_FOUND/);
      await refusedWithoutWriting(
        () =>
          t
            .http()
            .post(`${MY_APPLICATIONS}/${application.id}/cancellation`)
            .set(stranger.auth)
            .send({}),
        404,
        'APPLICATION_NOT_FOUND',
      );
      await refusedWithoutWriting(
        () =>
          apply(administrator, {
            sessionId,
            attendees: [{ kind: 'member', userId: member.userId }],
          }),
        409,
        'ALREADY_APPLIED',
      );

      const attendeeId = application.attendees[0].id;
      await staffPost(`/sessions/${sessionId}/confirmations`, { attendeeIds: [attendeeId] }).expect(
        200,
      );
      for (const address of [administrator.email, member.email]) {
        const confirmed = await smtp.waitForMail(
          (m) => m.to.includes(address) && m.subject.includes('受講が確定しました'),
          `the confirmed mail to ${address}`,
        );
        expect(confirmed.text).toMatch(/受講票番号: T-[0-9A-HJKMNP-TV-Z]{10}/);
        expect(confirmed.text).toContain('https://portal.example.jp/mypage/applications');
      }
      // Its QA term has begun once the course date has come (moved into the past here).
      await sql(t, `update "enrollments"."course_session" set "date" = ? where "id" = ?`, [
        inDays(-3),
        sessionId,
      ]);
      const now = (
        await t.http().get(`${MY_APPLICATIONS}/${application.id}`).set(member.auth).expect(200)
      ).body as ApplicationBody;
      expect(now.attendees[0]).toMatchObject({
        status: 'confirmed',
        qa: { entitled: true, lastDay: inDays(86) },
      });

      await staffPost(`/sessions/${sessionId}/completions`, { attendeeIds: [attendeeId] }).expect(
        200,
      );
      for (const address of [administrator.email, member.email]) {
        const completed = await smtp.waitForMail(
          (m) => m.to.includes(address) && m.subject.includes('修了証を発行しました'),
          `the completed mail to ${address}`,
        );
        expect(completed.text).toMatch(/修了証番号: C-[0-9A-HJKMNP-TV-Z]{12}/);
        expect(completed.text).toContain(
          `https://portal.example.jp/api/v1/me/applications/${application.id}/attendees/${attendeeId}/certificate.pdf`,
        );
      }
      await waitFor(
        async () => {
          const types = await auditTypes(member.userId);
          return (
            types.includes('enrollments.attendee-confirmed') &&
            types.includes('enrollments.attendee-completed')
          );
        },
        { what: 'the member’s own confirmed and completed events in its audit trail' },
      );
      await refusedWithoutWriting(
        () => staffPost(`/applications/${application.id}/cancellation`, { reason: '誤操作' }),
        409,
        'ATTENDEE_NOT_CANCELLABLE',
      );
    });

    it('refuses a member of another group or an unknown user ID with 404 MEMBER_NOT_FOUND, writing nothing', async () => {
      const { sessionId } = await anOpenSession(t, staff);
      const otherGroup = await aGroupWithAdministrator(t);
      const outsider = await aMemberOf(t, smtp, otherGroup);
      for (const userId of [outsider.userId, 'nobody-here-00', administrator.userId.toUpperCase()])
        await refusedWithoutWriting(
          () => apply(administrator, { sessionId, attendees: [{ kind: 'member', userId }] }),
          404,
          'MEMBER_NOT_FOUND',
        );
    });
  });

  describe('cancellation', () => {
    it('cancels until 17:00 Japan time the day before, mailing the applicant; then only staff can', async () => {
      const { sessionId } = await anOpenSession(t, staff, { date: inDays(10) });
      const company = await aRegisteredAccount(t).withType('corporate').loggedIn();
      const applied = await apply(company, {
        sessionId,
        attendees: [
          { kind: 'self' },
          {
            kind: 'staff',
            name: '高橋 次郎',
            nameKana: 'タカハシ ジロウ',
            email: `c-${randomUUID()}@example.jp`,
          },
        ],
      }).expect(201);
      const application = applied.body as ApplicationBody;
      const [self, employee] = application.attendees.map((a) => a.id);

      const cancelled = await t
        .http()
        .post(`${MY_APPLICATIONS}/${application.id}/cancellation`)
        .set(company.auth)
        .send({ attendeeIds: [employee] })
        .expect(200);
      expect((cancelled.body as ApplicationBody).attendees.map((a) => a.status)).toEqual([
        'received',
        'cancelled',
      ]);
      expect(cancelled.body.session).toMatchObject({ seatsTaken: 1 });
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(company.email) && m.subject.includes('キャンセル'),
        'the cancelled mail',
      );
      expect(mail.text).toContain('高橋 次郎 様のお申込みをキャンセルしました。');
      await refusedWithoutWriting(
        () =>
          t
            .http()
            .post(`${MY_APPLICATIONS}/${application.id}/cancellation`)
            .set(company.auth)
            .send({ attendeeIds: [employee] }),
        409,
        'ATTENDEE_NOT_CANCELLABLE',
      );

      // The course is tomorrow: the deadline (17:00 today, Japan time) may have passed; today it has.
      await sql(t, `update "enrollments"."course_session" set "date" = ? where "id" = ?`, [
        inDays(0),
        sessionId,
      ]);
      const late = await refusedWithoutWriting(
        () =>
          t
            .http()
            .post(`${MY_APPLICATIONS}/${application.id}/cancellation`)
            .set(company.auth)
            .send({}),
        409,
        'CANCELLATION_DEADLINE_PASSED',
      );
      expect(late.details).toEqual({
        cancellationDeadline: new Date(`${inDays(-1)}T17:00:00+09:00`).toISOString(),
      });
      await staffPost(`/applications/${application.id}/cancellation`, {
        attendeeIds: [self],
        reason: '当日欠席の連絡',
      }).expect(200);
      await waitFor(
        async () =>
          (await auditTypes(company.userId)).filter(
            (type) => type === 'enrollments.attendee-cancelled',
          ).length === 2,
        { what: 'both AttendeeCancelled in the audit trail' },
      );
      const staffMail = await smtp.waitForMail(
        (m) => m.to.includes(company.email) && m.text.includes('当社にてキャンセルいたしました'),
        'the mail of the staff cancellation',
      );
      expect(staffMail.text).toContain('鈴木 一郎 様');
    });
  });
});
