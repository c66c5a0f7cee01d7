import type { RequestContext } from '@app/platform';
import { useEnrollmentsModel } from '@test/support/builders/enrollments-doubles';
import { immediateTransactions, typesOf } from '@test/support/builders/transactions-double';
import { Application } from '../../../domain/application.entity';
import type { AttendeeInput, Notice } from '../../../domain/application.entity';
import type { CourseSession } from '../../../domain/course-session.entity';
import { AttendeeCancelled } from '../../../domain/enrollments.events';
import type { ApplicationRepository } from '../../../infrastructure/application.repository';
import type { CourseSessionRepository } from '../../../infrastructure/course-session.repository';
import type { AttendeeNotices } from '../../attendee-notices';
import { ReleaseWithdrawnAccountCommand } from './release-withdrawn-account.command';
import { ReleaseWithdrawnAccountHandler } from './release-withdrawn-account.handler';

const SESSION_ID = '0190a3c4-0000-7000-8000-00000000a001';
const CORPORATE = '0190a3c4-0000-7000-8000-00000000b001';
const GROUP = '0190a3c4-0000-7000-8000-00000000b002';
const MEMBER = '0190a3c4-0000-7000-8000-00000000b003';
const STAFF_MEMBER = '0190a3c4-0000-7000-8000-00000000b0ff';
const FACTS: Notice['facts'] = {
  sessionId: SESSION_ID,
  courseCode: 'SEC-101',
  courseTitle: '情報セキュリティ基礎',
  date: '2027-03-01',
  venue: '東京会場',
  accessEnd: null,
};

const self = (accountId: string, userId: string, name: string): AttendeeInput => ({
  kind: 'self',
  accountId,
  userId,
  name,
  nameKana: 'ジブン',
  email: null,
});
const staff = (name: string, email: string): AttendeeInput => ({
  kind: 'staff',
  accountId: null,
  userId: null,
  name,
  nameKana: 'シャイン',
  email,
});
const member = (accountId: string, userId: string, name: string): AttendeeInput => ({
  kind: 'member',
  accountId,
  userId,
  name,
  nameKana: 'メンバー',
  email: null,
});

let numbers = 0;
const next = (prefix: string) => `${prefix}-${String((numbers += 1)).padStart(8, '0')}`;

/** An application whose first `completed` attendees are completed and the rest are received. */
function anApplication(
  applicant: { accountId: string; userId: string; type: 'corporate' | 'group' },
  attendees: AttendeeInput[],
  completed: number,
): Application {
  const notice: Notice = {
    facts: FACTS,
    applicant: { accountId: applicant.accountId, email: 'a@example.jp', language: 'ja' },
    attendeeAccounts: new Map(),
    byAccountId: null,
  };
  const application = Application.receive(
    {
      number: next('A'),
      sessionId: SESSION_ID,
      applicant: { ...applicant, name: '申込者 名前' },
      channel: 'web',
      attendees,
      myPageUrl: 'https://portal.example.jp/my/applications',
    },
    notice,
    new Date(),
  );
  const done = new Set(
    application.attendees
      .getItems()
      .slice(0, completed)
      .map((a) => a.id),
  );
  application.confirm(done, () => next('T'), { ...notice, myPageUrl: 'https://x' }, new Date());
  application.complete(
    done,
    () => next('C'),
    { ...notice, certificateUrl: () => 'https://x' },
    new Date(),
  );
  application.pullEvents();
  return application;
}

function handlerFor(applications: Application[]) {
  const transactions = immediateTransactions();
  const repository = {
    lockConcerning: jest.fn(() => Promise.resolve(applications)),
  } as unknown as ApplicationRepository;
  const sessions = {
    find: jest.fn(() => Promise.resolve({ id: SESSION_ID } as CourseSession)),
  } as unknown as CourseSessionRepository;
  const notices = { facts: jest.fn(() => Promise.resolve(FACTS)) } as unknown as AttendeeNotices;
  const context = { actorAccountId: STAFF_MEMBER } as RequestContext;
  return {
    transactions,
    handler: new ReleaseWithdrawnAccountHandler(
      transactions,
      repository,
      sessions,
      notices,
      context,
    ),
  };
}

const attendees = (application: Application) => application.attendees.getItems();

describe('ReleaseWithdrawnAccountHandler', () => {
  useEnrollmentsModel();

  it('cancels the live seats a withdrawn corporate applied for without a mail, and erases its attendees’ data but keeps the certificate', async () => {
    const application = anApplication(
      { accountId: CORPORATE, userId: 'corp0001', type: 'corporate' },
      [
        staff('佐藤 一郎', 'ichiro@example.jp'),
        staff('高橋 次郎', 'jiro@example.jp'),
        self(CORPORATE, 'corp0001', '鈴木 一郎'),
      ],
      1,
    );
    const certificate = attendees(application)[0].certificateNumber;
    const { handler } = handlerFor([application]);

    const released = await handler.execute(new ReleaseWithdrawnAccountCommand(CORPORATE));

    expect(released).toEqual({ cancelled: 2, erased: 3 });
    expect(attendees(application).map((a) => a.status)).toEqual([
      'completed',
      'cancelled',
      'cancelled',
    ]);
    expect(attendees(application).map((a) => a.cancelledBy)).toEqual([
      null,
      'withdrawal',
      'withdrawal',
    ]);
    for (const attendee of attendees(application))
      expect(attendee).toMatchObject({ name: null, nameKana: null, email: null });
    expect(attendees(application)[0].certificateNumber).toBe(certificate);
    expect(application.applicantName).toBeNull();

    const events = application.pullEvents();
    expect(typesOf(events)).toEqual([AttendeeCancelled.TYPE, AttendeeCancelled.TYPE]);
    for (const event of events) {
      expect(event.payload).toMatchObject({
        by: 'withdrawal',
        attendeeName: '',
        byAccountId: STAFF_MEMBER,
      });
      expect(event.secrets).toBeNull(); // no address: the cancelled mail is not sent
    }
  });

  it('does nothing and records nothing when the withdrawal is delivered again', async () => {
    const application = anApplication(
      { accountId: CORPORATE, userId: 'corp0001', type: 'corporate' },
      [staff('佐藤 一郎', 'ichiro@example.jp'), staff('高橋 次郎', 'jiro@example.jp')],
      1,
    );
    const { handler } = handlerFor([application]);
    await handler.execute(new ReleaseWithdrawnAccountCommand(CORPORATE));
    application.pullEvents();

    const again = await handler.execute(new ReleaseWithdrawnAccountCommand(CORPORATE));

    expect(again).toEqual({ cancelled: 0, erased: 0 });
    expect(application.pullEvents()).toEqual([]);
  });

  it('when a member withdraws: cancels and erases only that member’s seat in the group’s application', async () => {
    const application = anApplication(
      { accountId: GROUP, userId: 'group001', type: 'group' },
      [member(MEMBER, 'member01', '伊藤 三郎'), staff('渡辺 四郎', 'shiro@example.jp')],
      0,
    );
    const { handler } = handlerFor([application]);

    expect(await handler.execute(new ReleaseWithdrawnAccountCommand(MEMBER))).toEqual({
      cancelled: 1,
      erased: 1,
    });
    const [withdrawn, other] = attendees(application);
    expect(withdrawn).toMatchObject({ status: 'cancelled', cancelledBy: 'withdrawal', name: null });
    expect(other).toMatchObject({
      status: 'received',
      name: '渡辺 四郎',
      email: 'shiro@example.jp',
    });
    expect(application.applicantName).toBe('申込者 名前');
  });

  it('when the group withdraws: cancels the member’s live seat but keeps the data of a member who is still a customer', async () => {
    const application = anApplication(
      { accountId: GROUP, userId: 'group001', type: 'group' },
      [member(MEMBER, 'member01', '伊藤 三郎')],
      0,
    );
    const { handler } = handlerFor([application]);

    expect(await handler.execute(new ReleaseWithdrawnAccountCommand(GROUP))).toEqual({
      cancelled: 1,
      erased: 0,
    });
    expect(attendees(application)[0]).toMatchObject({ status: 'cancelled', name: '伊藤 三郎' });
    expect(application.applicantName).toBeNull();
  });
});
