import {
  aMemberAttendee,
  aNotice,
  anApplication,
  aStaffAttendee,
  eventsOf,
  self,
  useEnrollmentsModel,
} from '@test/support/builders/enrollments-doubles';

const NOW = new Date('2026-04-01T00:00:00Z');
let serial = 0;
const ticket = () => `T-00000000${(serial += 1) % 10}A`;

describe('Application', () => {
  useEnrollmentsModel();

  it('records ApplicationReceived to the applicant with the number and attendees; the address only in secrets', () => {
    const application = anApplication([self, aStaffAttendee('Jiro@Example.jp')], false);
    expect(application.attendees.getItems().map((a) => [a.kind, a.status, a.email])).toEqual([
      ['self', 'received', null],
      ['staff', 'received', 'jiro@example.jp'],
    ]);
    const [received] = eventsOf(application);
    expect(received).toMatchObject({
      type: 'enrollments.application-received',
      subject: 'acc-applicant',
      payload: {
        applicationNumber: 'A-00000001',
        attendeeNames: ['鈴木 一郎', '高橋 次郎'],
        courseCode: 'SEC-101',
        language: 'ja',
      },
      secrets: { email: 'applicant@example.jp' },
    });
    expect(JSON.stringify(received.payload)).not.toContain('applicant@example.jp');
  });

  it('confirms received attendees only, one event per account told (a member hears of its own seat)', () => {
    const application = anApplication([self, aMemberAttendee('Member01')]);
    const [first, member] = application.attendees.getItems();
    const notice = {
      ...aNotice({
        attendeeAccounts: new Map([
          [
            'acc-Member01',
            { accountId: 'acc-Member01', email: 'm@example.jp', language: 'en' as const },
          ],
        ]),
      }),
      myPageUrl: 'https://portal.example.jp/mypage/applications',
    };
    expect(application.confirm(new Set([first.id, member.id]), ticket, notice, NOW)).toBe(2);
    expect(application.confirm(new Set([first.id, member.id]), ticket, notice, NOW)).toBe(0);
    expect(first).toMatchObject({ status: 'confirmed', confirmedAt: NOW });
    expect(
      eventsOf(application).map((e) => [
        e.type,
        e.subject,
        e.payload.attendeeId,
        e.payload.language,
      ]),
    ).toEqual([
      ['enrollments.attendee-confirmed', 'acc-applicant', first.id, 'ja'],
      ['enrollments.attendee-confirmed', 'acc-applicant', member.id, 'ja'],
      ['enrollments.attendee-confirmed', 'acc-Member01', member.id, 'en'],
    ]);
  });

  it('completes confirmed attendees only, with a certificate each', () => {
    const application = anApplication([self, aStaffAttendee('a@example.jp')]);
    const [first, second] = application.attendees.getItems();
    const ids = new Set([first.id, second.id]);
    application.confirm(new Set([first.id]), ticket, { ...aNotice(), myPageUrl: 'u' }, NOW);
    application.pullEvents();
    const completed = application.complete(
      ids,
      () => 'C-000000000001',
      { ...aNotice(), certificateUrl: () => 'c' },
      NOW,
    );
    expect(completed).toBe(1);
    expect([first.status, second.status]).toEqual(['completed', 'received']);
    expect(eventsOf(application)).toEqual([
      expect.objectContaining({
        type: 'enrollments.attendee-completed',
        payload: expect.objectContaining({
          certificateNumber: 'C-000000000001',
          certificateUrl: 'c',
        }),
      }),
    ]);
  });

  it('cancels every live attendee when none are listed, saying by whom', () => {
    const application = anApplication([self, aStaffAttendee('a@example.jp')]);
    application.cancel(
      undefined,
      'customer',
      { ...aNotice(), applicantAccountId: 'acc-applicant' },
      NOW,
    );
    expect(application.attendees.getItems().map((a) => [a.status, a.cancelledBy])).toEqual([
      ['cancelled', 'customer'],
      ['cancelled', 'customer'],
    ]);
    expect(eventsOf(application).map((e) => [e.type, e.payload.by, e.secrets])).toEqual([
      ['enrollments.attendee-cancelled', 'customer', { email: 'applicant@example.jp' }],
      ['enrollments.attendee-cancelled', 'customer', { email: 'applicant@example.jp' }],
    ]);
  });

  it('cancels a withdrawn applicant’s seats without an address to mail', () => {
    const application = anApplication([self]);
    application.cancel(
      undefined,
      'withdrawal',
      { ...aNotice(), applicant: null, applicantAccountId: 'acc-applicant' },
      NOW,
    );
    expect(eventsOf(application)).toEqual([
      expect.objectContaining({
        type: 'enrollments.attendee-cancelled',
        secrets: null,
        payload: expect.objectContaining({ by: 'withdrawal' }),
      }),
    ]);
  });

  it('refuses completed, cancelled or unknown attendees with ATTENDEE_NOT_CANCELLABLE, changing nothing', () => {
    const application = anApplication([self, aStaffAttendee('a@example.jp')]);
    const [first, second] = application.attendees.getItems();
    const notice = { ...aNotice(), applicantAccountId: 'acc-applicant' };
    application.cancel([second.id], 'staff', notice, NOW);
    application.pullEvents();
    for (const ids of [[first.id, second.id], ['unknown'], []])
      expect(() => application.cancel(ids, 'customer', notice, NOW)).toThrow(
        expect.objectContaining({ code: 'ATTENDEE_NOT_CANCELLABLE' }),
      );
    expect(first.status).toBe('received');
    expect(eventsOf(application)).toEqual([]);

    application.confirm(new Set([first.id]), ticket, { ...aNotice(), myPageUrl: 'u' }, NOW);
    application.complete(
      new Set([first.id]),
      () => 'C-1',
      { ...aNotice(), certificateUrl: () => 'c' },
      NOW,
    );
    application.pullEvents();
    expect(() => application.cancel(undefined, 'staff', notice, NOW)).toThrow(
      expect.objectContaining({ code: 'ATTENDEE_NOT_CANCELLABLE' }),
    );
    expect(eventsOf(application)).toEqual([]);
  });
});
