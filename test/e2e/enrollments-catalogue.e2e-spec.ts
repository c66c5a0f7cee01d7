import { randomUUID } from 'node:crypto';
import { aRegisteredAccount, aStaffMember } from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import {
  ADMIN_ENROLLMENTS,
  aCourseCode,
  anOpenSession,
  enrollmentAudit,
  enrollmentCounts,
  inDays,
} from '@test/support/builders/enrollments';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

describe('enrollments: the staff catalogue (real PostgreSQL, Redis)', () => {
  let t: TestApp;
  let staff: LoggedInAccount;
  let customer: LoggedInAccount;

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '10000' } });
    staff = await aStaffMember(t, 'support').loggedIn();
    customer = await aRegisteredAccount(t).loggedIn();
  });

  afterAll(() => t.close());

  const admin = () => ({
    get: (path: string) => t.http().get(`${ADMIN_ENROLLMENTS}${path}`).set(staff.auth),
    post: (path: string, body: object = {}) =>
      t.http().post(`${ADMIN_ENROLLMENTS}${path}`).set(staff.auth).send(body),
    patch: (path: string, body: object) =>
      t.http().patch(`${ADMIN_ENROLLMENTS}${path}`).set(staff.auth).send(body),
  });

  /** Runs `refused` and proves it answered `status`/`code` and wrote nothing. */
  async function refusedWithoutWriting(
    refused: () => PromiseLike<{ status: number; body: { code?: string } }>,
    status: number,
    code: string,
  ): Promise<{ code?: string; details?: Record<string, unknown> }> {
    const before = await enrollmentCounts(t);
    const response = await refused();
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(await enrollmentCounts(t)).toEqual(before);
    return response.body;
  }

  describe('courses', () => {
    it('creates a course (201) with the code as given, and audits it with the staff member and reason', async () => {
      const code = aCourseCode('sec');
      const created = await admin()
        .post('/courses', {
          code,
          title: '情報セキュリティ基礎',
          kind: 'classroom',
          qaEligible: true,
          reason: '2026年度カリキュラム',
        })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        code,
        title: '情報セキュリティ基礎',
        kind: 'classroom',
        qaEligible: true,
      });
      const [record] = await waitFor(
        async () => {
          const rows = await enrollmentAudit(t, { type: 'enrollments.course-created' });
          const mine = rows.filter((r) => r.payload.courseId === created.body.id);
          return mine.length > 0 && mine;
        },
        { what: 'CourseCreated in the audit trail' },
      );
      expect(record).toMatchObject({
        actor_account_id: staff.accountId,
        staff_reason: '2026年度カリキュラム',
      });
    });

    it('refuses a taken code whatever its case with 409 COURSE_CODE_TAKEN, writing nothing', async () => {
      const code = aCourseCode('dup');
      await admin()
        .post('/courses', { code, title: 'A', kind: 'elearning', qaEligible: false })
        .expect(201);
      await refusedWithoutWriting(
        () =>
          admin().post('/courses', {
            code: code.toLowerCase(),
            title: 'B',
            kind: 'classroom',
            qaEligible: false,
          }),
        409,
        'COURSE_CODE_TAKEN',
      );
    });

    it.each([
      ['a code too short', { code: 'AB' }],
      ['a code with a space', { code: 'SEC 101' }],
      ['a code of full-width characters', { code: 'ＳＥＣ１０１' }],
      ['an unknown kind', { kind: 'webinar' }],
      ['qaEligible as a string', { qaEligible: 'yes' }],
      ['an empty title', { title: '  ' }],
      ['an unknown field', { price: 1000 }],
      ['a reason too long', { reason: 'x'.repeat(501) }],
    ])('refuses %s with 400 VALIDATION_FAILED, writing nothing', async (_case, override) => {
      const body = {
        code: aCourseCode(),
        title: '講座',
        kind: 'classroom',
        qaEligible: false,
        ...override,
      };
      await refusedWithoutWriting(() => admin().post('/courses', body), 400, 'VALIDATION_FAILED');
    });

    it('changes the title and QA eligibility (200), recording only what changed', async () => {
      const { body: course } = await admin()
        .post('/courses', {
          code: aCourseCode(),
          title: '旧題',
          kind: 'classroom',
          qaEligible: false,
        })
        .expect(201);
      const changed = await admin()
        .patch(`/courses/${course.id as string}`, {
          title: '新題',
          qaEligible: true,
          reason: '改題',
        })
        .expect(200);
      expect(changed.body).toMatchObject({ id: course.id, title: '新題', qaEligible: true });
      await admin()
        .patch(`/courses/${course.id as string}`, { title: '新題' })
        .expect(200);
      const records = await waitFor(
        async () => {
          const rows = (await enrollmentAudit(t, { type: 'enrollments.course-changed' })).filter(
            (r) => r.payload.courseId === course.id,
          );
          return rows.length > 0 && rows;
        },
        { what: 'CourseChanged in the audit trail' },
      );
      expect(records.map((r) => r.payload.changedFields)).toEqual([['title', 'qaEligible']]);
    });

    it('answers 404 COURSE_NOT_FOUND for an unknown course and 400 for a bad change, writing nothing', async () => {
      await refusedWithoutWriting(
        () => admin().patch(`/courses/${randomUUID()}`, { title: 'x' }),
        404,
        'COURSE_NOT_FOUND',
      );
      await refusedWithoutWriting(
        () => admin().patch('/courses/not-a-uuid', { title: 'x' }),
        404,
        'COURSE_NOT_FOUND',
      );
      const { body: course } = await admin()
        .post('/courses', {
          code: aCourseCode(),
          title: '講座',
          kind: 'classroom',
          qaEligible: false,
        })
        .expect(201);
      await refusedWithoutWriting(
        () => admin().patch(`/courses/${course.id as string}`, { code: 'NEW-CODE' }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('sessions', () => {
    it('schedules a classroom session as a draft, opens and closes it, and lists it with its course', async () => {
      const { body: course } = await admin()
        .post('/courses', {
          code: aCourseCode(),
          title: '教室講座',
          kind: 'classroom',
          qaEligible: true,
        })
        .expect(201);
      const date = inDays(20);
      const scheduled = await admin()
        .post(`/courses/${course.id as string}/sessions`, { date, venue: '大阪支社', capacity: 12 })
        .expect(201);
      expect(scheduled.body).toEqual({
        id: expect.any(String),
        courseId: course.id,
        course: { code: course.code, title: '教室講座', kind: 'classroom', qaEligible: true },
        date,
        venue: '大阪支社',
        accessStart: null,
        accessEnd: null,
        capacity: 12,
        seatsTaken: 0,
        seatsLeft: 12,
        status: 'draft',
        cancellationDeadline: new Date(`${inDays(19)}T17:00:00+09:00`).toISOString(),
      });
      const id = scheduled.body.id as string;
      const publicList = async () =>
        (
          (
            await t
              .http()
              .get('/api/v1/enrollments/sessions')
              .query({ courseCode: course.code })
              .expect(200)
          ).body.items as Array<{ id: string }>
        ).map((s) => s.id);
      expect(await publicList()).toEqual([]);
      expect(
        (await admin().post(`/sessions/${id}/opening`, { reason: '募集開始' }).expect(200)).body
          .status,
      ).toBe('open');
      expect(await publicList()).toEqual([id]);
      expect((await admin().post(`/sessions/${id}/closing`).expect(200)).body.status).toBe(
        'closed',
      );
      expect(await publicList()).toEqual([]);

      const courses = (await admin().get('/courses').expect(200)).body.items as Array<{
        id: string;
        sessions: Array<{ id: string; status: string }>;
      }>;
      expect(courses.find((c) => c.id === course.id)?.sessions).toEqual([
        expect.objectContaining({ id, status: 'closed' }),
      ]);
      const detail = await admin().get(`/sessions/${id}`).expect(200);
      expect(detail.body).toMatchObject({ id, status: 'closed', attendees: [] });
      for (const type of ['session-scheduled', 'session-opened', 'session-closed'])
        await waitFor(
          async () =>
            (await enrollmentAudit(t, { type: `enrollments.${type}` })).some(
              (r) => r.payload.sessionId === id,
            ),
          { what: `${type} in the audit trail` },
        );
    });

    it('schedules an e-learning session: date = access start, capacity optional (unlimited)', async () => {
      const { body: course } = await admin()
        .post('/courses', {
          code: aCourseCode(),
          title: 'eラーニング',
          kind: 'elearning',
          qaEligible: false,
        })
        .expect(201);
      const scheduled = await admin()
        .post(`/courses/${course.id as string}/sessions`, {
          accessStart: inDays(3),
          accessEnd: inDays(60),
        })
        .expect(201);
      expect(scheduled.body).toMatchObject({
        date: inDays(3),
        venue: null,
        accessStart: inDays(3),
        accessEnd: inDays(60),
        capacity: null,
        seatsLeft: null,
      });
    });

    it.each([
      [
        'classroom',
        'fields of e-learning',
        { date: inDays(5), venue: 'x', capacity: 3, accessStart: inDays(5) },
      ],
      ['classroom', 'no venue', { date: inDays(5), capacity: 3 }],
      ['classroom', 'no capacity', { date: inDays(5), venue: 'x' }],
      ['classroom', 'capacity 0', { date: inDays(5), venue: 'x', capacity: 0 }],
      ['classroom', 'capacity 1001', { date: inDays(5), venue: 'x', capacity: 1001 }],
      ['classroom', 'a date that does not exist', { date: '2026-02-30', venue: 'x', capacity: 3 }],
      [
        'classroom',
        'a date with a time',
        { date: '2026-04-10T00:00:00Z', venue: 'x', capacity: 3 },
      ],
      ['elearning', 'a venue', { accessStart: inDays(1), accessEnd: inDays(2), venue: 'x' }],
      ['elearning', 'an end before the start', { accessStart: inDays(5), accessEnd: inDays(4) }],
      ['elearning', 'no end', { accessStart: inDays(5) }],
    ])(
      'refuses a %s session with %s: 400 VALIDATION_FAILED, writing nothing',
      async (kind, _case, body) => {
        const { body: course } = await admin()
          .post('/courses', { code: aCourseCode(), title: '講座', kind, qaEligible: false })
          .expect(201);
        await refusedWithoutWriting(
          () => admin().post(`/courses/${course.id as string}/sessions`, body),
          400,
          'VALIDATION_FAILED',
        );
      },
    );

    it('answers 404 for an unknown course or session, writing nothing', async () => {
      const unknown = randomUUID();
      await refusedWithoutWriting(
        () =>
          admin().post(`/courses/${unknown}/sessions`, {
            date: inDays(5),
            venue: 'x',
            capacity: 3,
          }),
        404,
        'COURSE_NOT_FOUND',
      );
      for (const path of [`/sessions/${unknown}/opening`, `/sessions/${unknown}/closing`])
        await refusedWithoutWriting(() => admin().post(path), 404, 'SESSION_NOT_FOUND');
      await admin()
        .get(`/sessions/${unknown}`)
        .expect(404, /SESSION_NOT_FOUND/);
      await admin()
        .get('/sessions/1')
        .expect(404, /SESSION_NOT_FOUND/);
    });
  });

  describe('confirmations and completions', () => {
    it('confirms received attendees (tickets T- + 10 Crockford), completes confirmed ones (C- + 12), leaving the others alone', async () => {
      const { sessionId } = await anOpenSession(t, staff, { qaEligible: true, date: inDays(10) });
      const applicant = await aRegisteredAccount(t).withType('corporate').loggedIn();
      const applied = await t
        .http()
        .post('/api/v1/me/applications')
        .set(applicant.auth)
        .send({
          sessionId,
          attendees: [
            { kind: 'self' },
            {
              kind: 'staff',
              name: '高橋 次郎',
              nameKana: 'タカハシ ジロウ',
              email: `j-${randomUUID()}@example.jp`,
            },
          ],
        })
        .expect(201);
      const [first, second] = (applied.body.attendees as Array<{ id: string }>).map((a) => a.id);

      const confirmed = await admin()
        .post(`/sessions/${sessionId}/confirmations`, { attendeeIds: [first], reason: '入金確認' })
        .expect(200);
      expect(confirmed.body).toEqual({ confirmed: 1 });
      expect(
        (
          await admin()
            .post(`/sessions/${sessionId}/confirmations`, { attendeeIds: [first] })
            .expect(200)
        ).body,
      ).toEqual({ confirmed: 0 });
      expect(
        (
          await admin()
            .post(`/sessions/${sessionId}/completions`, { attendeeIds: [first, second] })
            .expect(200)
        ).body,
      ).toEqual({ completed: 1 });

      const detail = await admin().get(`/sessions/${sessionId}`).expect(200);
      const attendees = detail.body.attendees as Array<Record<string, unknown>>;
      expect(attendees).toEqual([
        expect.objectContaining({
          id: first,
          status: 'completed',
          ticketNumber: expect.stringMatching(/^T-[0-9A-HJKMNP-TV-Z]{10}$/),
          certificateNumber: expect.stringMatching(/^C-[0-9A-HJKMNP-TV-Z]{12}$/),
          applicationId: applied.body.id,
          applicationNumber: expect.stringMatching(/^A-\d{8}$/),
          applicant: { userId: applicant.userId, name: '鈴木 一郎' },
          qa: {
            entitled: false,
            endsAt: new Date(`${inDays(100)}T00:00:00+09:00`).toISOString(),
            lastDay: inDays(99),
          },
        }),
        expect.objectContaining({
          id: second,
          status: 'received',
          ticketNumber: null,
          certificateNumber: null,
        }),
      ]);
      expect(detail.body).toMatchObject({ seatsTaken: 2, seatsLeft: 28 });
    });

    it('refuses attendees of another session with 400 ATTENDEE_NOT_IN_SESSION and bad lists with 400, writing nothing', async () => {
      const { sessionId } = await anOpenSession(t, staff);
      for (const path of ['confirmations', 'completions']) {
        const body = await refusedWithoutWriting(
          () => admin().post(`/sessions/${sessionId}/${path}`, { attendeeIds: [randomUUID()] }),
          400,
          'ATTENDEE_NOT_IN_SESSION',
        );
        expect(body.details).toEqual({ attendeeIds: [expect.any(String)] });
        await refusedWithoutWriting(
          () => admin().post(`/sessions/${sessionId}/${path}`, { attendeeIds: [] }),
          400,
          'VALIDATION_FAILED',
        );
        await refusedWithoutWriting(
          () => admin().post(`/sessions/${sessionId}/${path}`, { attendeeIds: ['x'] }),
          400,
          'VALIDATION_FAILED',
        );
        await refusedWithoutWriting(
          () => admin().post(`/sessions/${randomUUID()}/${path}`, { attendeeIds: [randomUUID()] }),
          404,
          'SESSION_NOT_FOUND',
        );
      }
    });
  });

  describe('applications of an account', () => {
    it('lists them for a user ID, and answers 404 ACCOUNT_NOT_FOUND for an unknown one', async () => {
      const { sessionId } = await anOpenSession(t, staff);
      const applicant = await aRegisteredAccount(t).loggedIn();
      const applied = await t
        .http()
        .post('/api/v1/me/applications')
        .set(applicant.auth)
        .send({ sessionId, attendees: [{ kind: 'self' }] })
        .expect(201);
      const listed = await admin().get(`/applications?userId=${applicant.userId}`).expect(200);
      expect((listed.body.items as Array<{ id: string }>).map((a) => a.id)).toEqual([
        applied.body.id,
      ]);
      await admin()
        .get('/applications?userId=nobody-here-0000')
        .expect(404, /ACCOUNT_NOT_FOUND/);
      await admin()
        .get('/applications')
        .expect(400, /VALIDATION_FAILED/);
    });

    it('cancels at any time with a reason (reason required), writing nothing when refused', async () => {
      const { sessionId } = await anOpenSession(t, staff, { date: inDays(1) });
      const applicant = await aRegisteredAccount(t).loggedIn();
      const applied = await t
        .http()
        .post('/api/v1/me/applications')
        .set(applicant.auth)
        .send({ sessionId, attendees: [{ kind: 'self' }] })
        .expect(201);
      const path = `/applications/${applied.body.id as string}/cancellation`;
      await refusedWithoutWriting(() => admin().post(path, {}), 400, 'VALIDATION_FAILED');
      await refusedWithoutWriting(
        () => admin().post(`/applications/${randomUUID()}/cancellation`, { reason: 'x' }),
        404,
        'APPLICATION_NOT_FOUND',
      );
      const cancelled = await admin().post(path, { reason: '電話で取消の依頼' }).expect(200);
      expect(cancelled.body.attendees).toEqual([
        expect.objectContaining({ status: 'cancelled', cancelledAt: expect.any(String) }),
      ]);
      await refusedWithoutWriting(
        () => admin().post(path, { reason: 'again' }),
        409,
        'ATTENDEE_NOT_CANCELLABLE',
      );
    });
  });

  it('refuses every staff endpoint to a customer with 403 FORBIDDEN, writing nothing', async () => {
    const id = randomUUID();
    const endpoints: Array<[string, string, object?]> = [
      ['get', '/courses'],
      [
        'post',
        '/courses',
        { code: aCourseCode(), title: 'x', kind: 'classroom', qaEligible: false },
      ],
      ['patch', `/courses/${id}`, { title: 'x' }],
      ['post', `/courses/${id}/sessions`, { date: inDays(5), venue: 'x', capacity: 1 }],
      ['post', `/sessions/${id}/opening`, {}],
      ['post', `/sessions/${id}/closing`, {}],
      ['get', `/sessions/${id}`],
      ['post', `/sessions/${id}/confirmations`, { attendeeIds: [id] }],
      ['post', `/sessions/${id}/completions`, { attendeeIds: [id] }],
      ['get', `/applications?userId=${customer.userId}`],
      ['post', `/applications/${id}/cancellation`, { reason: 'x' }],
    ];
    for (const [method, path, body] of endpoints) {
      const call = (
        t.http() as unknown as Record<
          string,
          (p: string) => ReturnType<ReturnType<TestApp['http']>['get']>
        >
      )
        [method](`${ADMIN_ENROLLMENTS}${path}`)
        .set(customer.auth);
      await refusedWithoutWriting(() => (body ? call.send(body) : call), 403, 'FORBIDDEN');
      const anonymous = (
        t.http() as unknown as Record<
          string,
          (p: string) => ReturnType<ReturnType<TestApp['http']>['get']>
        >
      )[method](`${ADMIN_ENROLLMENTS}${path}`);
      await refusedWithoutWriting(
        () => (body ? anonymous.send(body) : anonymous),
        401,
        'UNAUTHENTICATED',
      );
    }
  });
});
