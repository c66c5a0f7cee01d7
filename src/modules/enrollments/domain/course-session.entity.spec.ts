import { Course } from './course.entity';
import { CourseSession } from './course-session.entity';
import { eventsOf } from '@test/support/builders/enrollments-doubles';

const course = { id: 'course-1', code: 'SEC-101' };

describe('CourseSession', () => {
  it('is scheduled as a draft; e-learning takes its date from the access start', () => {
    const session = CourseSession.schedule(
      course,
      { kind: 'elearning', accessStart: '2026-05-01', accessEnd: '2026-05-31', capacity: null },
      'acc-staff',
    );
    expect(session).toMatchObject({
      status: 'draft',
      date: '2026-05-01',
      venue: null,
      capacity: null,
    });
    expect(eventsOf(session)).toEqual([
      expect.objectContaining({
        type: 'enrollments.session-scheduled',
        payload: expect.objectContaining({
          courseCode: 'SEC-101',
          accessEnd: '2026-05-31',
          byAccountId: 'acc-staff',
        }),
      }),
    ]);
  });

  it('opens and closes once each', () => {
    const session = CourseSession.schedule(
      course,
      { kind: 'classroom', date: '2026-04-10', venue: '東京', capacity: 2 },
      null,
    );
    session.pullEvents();
    session.open('acc-staff');
    session.open('acc-staff');
    session.close('acc-staff');
    expect(eventsOf(session).map((e) => e.type)).toEqual([
      'enrollments.session-opened',
      'enrollments.session-closed',
    ]);
  });

  it('admits while open and seats are left; SESSION_NOT_OPEN and SESSION_FULL with seatsLeft otherwise', () => {
    const session = CourseSession.schedule(
      course,
      { kind: 'classroom', date: '2026-04-10', venue: '東京', capacity: 3 },
      null,
    );
    expect(() => session.admit(0, 1)).toThrow(
      expect.objectContaining({ code: 'SESSION_NOT_OPEN' }),
    );
    session.open(null);
    expect(() => session.admit(2, 1)).not.toThrow();
    expect(() => session.admit(2, 2)).toThrow(
      expect.objectContaining({ code: 'SESSION_FULL', details: { seatsLeft: 1 } }),
    );
    session.capacity = null;
    expect(() => session.admit(5000, 20)).not.toThrow();
  });

  it('lets customers cancel until 17:00 Japan time the day before, across a month end', () => {
    const session = CourseSession.schedule(
      course,
      { kind: 'classroom', date: '2026-05-01', venue: '東京', capacity: 3 },
      null,
    );
    expect(session.cancellationDeadline.toISOString()).toBe('2026-04-30T08:00:00.000Z');
  });
});

describe('Course', () => {
  it('records its creation, and a change only when something changed', () => {
    const created = Course.create(
      { code: 'SEC-101', title: '基礎', kind: 'classroom', qaEligible: false },
      'acc-staff',
    );
    expect(eventsOf(created).map((e) => e.type)).toEqual(['enrollments.course-created']);
    created.change({ title: '基礎', qaEligible: false }, 'acc-staff');
    expect(eventsOf(created)).toEqual([]);
    created.change({ qaEligible: true }, 'acc-staff');
    expect(eventsOf(created)).toEqual([
      expect.objectContaining({
        type: 'enrollments.course-changed',
        payload: expect.objectContaining({ changedFields: ['qaEligible'] }),
      }),
    ]);
  });
});
