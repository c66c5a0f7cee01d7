import { aRegisteredAccount, aStaffMember } from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import {
  ADMIN_ENROLLMENTS,
  MY_APPLICATIONS,
  anOpenSession,
} from '@test/support/builders/enrollments';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

describe('enrollments: the last seat under parallel applications (real PostgreSQL)', () => {
  let t: TestApp;
  let staff: LoggedInAccount;

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '10000' } });
    staff = await aStaffMember(t, 'admin').loggedIn();
  });

  afterAll(() => t.close());

  it('gives the last seat to exactly one of 20 parallel applications; the others get 409 SESSION_FULL', async () => {
    const capacity = 3;
    const { sessionId } = await anOpenSession(t, staff, { capacity });
    for (let i = 0; i < capacity - 1; i += 1) {
      const early = await aRegisteredAccount(t).loggedIn();
      await t
        .http()
        .post(MY_APPLICATIONS)
        .set(early.auth)
        .send({ sessionId, attendees: [{ kind: 'self' }] })
        .expect(201);
    }
    const applicants = await Promise.all(
      Array.from({ length: 20 }, () => aRegisteredAccount(t).loggedIn()),
    );

    const responses = await Promise.all(
      applicants.map((applicant) =>
        t
          .http()
          .post(MY_APPLICATIONS)
          .set(applicant.auth)
          .send({ sessionId, attendees: [{ kind: 'self' }] }),
      ),
    );

    const outcomes = responses.map((r) =>
      `${r.status} ${(r.body as { code?: string }).code ?? ''}`.trim(),
    );
    expect(outcomes.filter((o) => o === '201')).toHaveLength(1);
    expect(outcomes.filter((o) => o === '409 SESSION_FULL')).toHaveLength(19);
    for (const refused of responses.filter((r) => r.status === 409))
      expect(refused.body).toMatchObject({ details: { seatsLeft: 0 } });
    const session = await t
      .http()
      .get(`${ADMIN_ENROLLMENTS}/sessions/${sessionId}`)
      .set(staff.auth)
      .expect(200);
    expect(session.body).toMatchObject({ capacity, seatsTaken: capacity, seatsLeft: 0 });
    expect(session.body.attendees).toHaveLength(capacity);
  });
});
