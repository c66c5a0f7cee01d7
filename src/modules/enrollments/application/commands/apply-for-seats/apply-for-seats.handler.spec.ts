import { FindAccountForLoginQuery, GetAccountQuery } from '../../../../accounts/public-api';
import type { AccountView } from '../../../../accounts/public-api';
import { GetMembershipQuery } from '../../../../groups/public-api';
import { answeringQueryBus } from '@test/support/builders/platform-doubles';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import { useEnrollmentsModel } from '@test/support/builders/enrollments-doubles';
import type { RequestContext } from '@app/platform';
import type { Application } from '../../../domain/application.entity';
import { Course } from '../../../domain/course.entity';
import { CourseSession } from '../../../domain/course-session.entity';
import type { ApplicationRepository } from '../../../infrastructure/application.repository';
import type { CourseSessionRepository } from '../../../infrastructure/course-session.repository';
import type { CourseRepository } from '../../../infrastructure/course.repository';
import { EnrollmentsSettings } from '../../enrollments-settings';
import { ApplyForSeatsCommand } from './apply-for-seats.command';
import type { RequestedAttendee } from './apply-for-seats.command';
import { ApplyForSeatsHandler } from './apply-for-seats.handler';

const SESSION_ID = '0190a3c4-0000-7000-8000-000000000001';

const anAccount = (
  type: AccountView['type'],
  userId: string,
  status: AccountView['status'] = 'active',
): AccountView =>
  ({
    accountId: `acc-${userId}`,
    userId,
    type,
    status,
    email: `${userId}@example.jp`,
    language: 'ja',
    renewalRequired: false,
    profile: { name: `${userId} 氏名`, nameKana: 'シメイ' },
  }) as AccountView;

function handlerFor(
  accounts: AccountView[],
  options: {
    seatsTaken?: number;
    holders?: { accountIds: string[]; emails: string[] };
    groups?: Record<string, string>;
  } = {},
) {
  const course = Course.create(
    { code: 'SEC-101', title: '基礎', kind: 'classroom', qaEligible: false },
    null,
  );
  const session = CourseSession.schedule(
    course,
    { kind: 'classroom', date: '2026-04-10', venue: '東京', capacity: 3 },
    null,
  );
  session.open(null);
  const added: Application[] = [];
  const byAccount = (id: string) => accounts.find((a) => a.accountId === id) ?? null;
  const queries = answeringQueryBus(
    [GetAccountQuery, (q: GetAccountQuery) => byAccount(q.accountId)],
    [
      FindAccountForLoginQuery,
      (q: FindAccountForLoginQuery) => accounts.find((a) => a.userId === q.userId) ?? null,
    ],
    [
      GetMembershipQuery,
      (q: GetMembershipQuery) => {
        const groupId = options.groups?.[q.accountId];
        return groupId ? { groupId, groupName: 'g', isAdministrator: false, joinedAt: '' } : null;
      },
    ],
  );
  const sessions = {
    lock: jest.fn(() => Promise.resolve(session)),
    liveSeats: jest.fn(() => Promise.resolve(options.seatsTaken ?? 0)),
    liveHolders: jest.fn(() => Promise.resolve(options.holders ?? { accountIds: [], emails: [] })),
  } as unknown as CourseSessionRepository;
  const courses = { find: jest.fn(() => Promise.resolve(course)) } as unknown as CourseRepository;
  const applications = {
    nextNumber: jest.fn(() => Promise.resolve('A-00000042')),
    add: jest.fn((_em: unknown, application: Application) => added.push(application)),
  } as unknown as ApplicationRepository;
  const handler = new ApplyForSeatsHandler(
    immediateTransactions(),
    queries,
    courses,
    sessions,
    applications,
    new EnrollmentsSettings(),
    { actorAccountId: null } as unknown as RequestContext,
  );
  return { handler, added, session };
}

const run = (handler: ApplyForSeatsHandler, applicant: string, attendees: RequestedAttendee[]) =>
  handler.execute(new ApplyForSeatsCommand(`acc-${applicant}`, SESSION_ID, attendees, 'web'));
const staff = (email: string): RequestedAttendee => ({
  kind: 'staff',
  name: '高橋 次郎',
  nameKana: 'タカハシ',
  email,
});

describe('ApplyForSeatsHandler', () => {
  useEnrollmentsModel();

  it('seats an individual and records ApplicationReceived with the number', async () => {
    const { handler, added } = handlerFor([anAccount('individual', 'Indiv001')]);
    const applied = await run(handler, 'Indiv001', [{ kind: 'self' }]);
    expect(applied).toEqual({ applicationId: added[0].id, number: 'A-00000042' });
    expect(added[0].peekEvents().map((e) => e.type)).toEqual(['enrollments.application-received']);
  });

  it.each([
    ['an individual for staff', 'individual', [staff('a@example.jp')]],
    ['an individual twice', 'individual', [{ kind: 'self' }, { kind: 'self' }]],
    ['a corporate for a member', 'corporate', [{ kind: 'member', userId: 'Member01' }]],
  ] as const)('refuses %s with ATTENDEE_KIND_NOT_ALLOWED', async (_case, type, attendees) => {
    const { handler, added } = handlerFor([anAccount(type, 'Caller01')]);
    await expect(run(handler, 'Caller01', [...attendees])).rejects.toMatchObject({
      code: 'ATTENDEE_KIND_NOT_ALLOWED',
    });
    expect(added).toEqual([]);
  });

  it('refuses the same staff e-mail twice, or a person already seated, with ALREADY_APPLIED', async () => {
    const corporate = anAccount('corporate', 'Corp0001');
    const twice = handlerFor([corporate]);
    await expect(
      run(twice.handler, 'Corp0001', [staff('a@example.jp'), staff('A@example.jp')]),
    ).rejects.toMatchObject({
      code: 'ALREADY_APPLIED',
    });
    const seated = handlerFor([corporate], {
      holders: { accountIds: [], emails: ['b@example.jp'] },
    });
    await expect(run(seated.handler, 'Corp0001', [staff('b@example.jp')])).rejects.toMatchObject({
      code: 'ALREADY_APPLIED',
      details: { emails: ['b@example.jp'] },
    });
    expect([...twice.added, ...seated.added]).toEqual([]);
  });

  it('refuses more seats than are left with SESSION_FULL and seatsLeft', async () => {
    const { handler, added } = handlerFor([anAccount('corporate', 'Corp0001')], { seatsTaken: 2 });
    await expect(
      run(handler, 'Corp0001', [staff('a@example.jp'), staff('b@example.jp')]),
    ).rejects.toMatchObject({
      code: 'SESSION_FULL',
      details: { seatsLeft: 1 },
    });
    expect(added).toEqual([]);
  });

  it('seats an active member of the caller’s own group only; others are MEMBER_NOT_FOUND', async () => {
    const accounts = [
      anAccount('group', 'Admin001'),
      anAccount('group', 'Member01'),
      anAccount('group', 'Outside1'),
      anAccount('group', 'Gone0001', 'withdrawal_requested'),
    ];
    const groups = {
      'acc-Admin001': 'g-1',
      'acc-Member01': 'g-1',
      'acc-Outside1': 'g-2',
      'acc-Gone0001': 'g-1',
    };
    const { handler, added } = handlerFor(accounts, { groups });
    await run(handler, 'Admin001', [{ kind: 'member', userId: 'Member01' }]);
    expect(added[0].attendees.getItems().map((a) => [a.kind, a.accountId, a.name])).toEqual([
      ['member', 'acc-Member01', 'Member01 氏名'],
    ]);
    for (const userId of ['Outside1', 'Gone0001', 'Unknown1'])
      await expect(run(handler, 'Admin001', [{ kind: 'member', userId }])).rejects.toMatchObject({
        code: 'MEMBER_NOT_FOUND',
      });
    expect(added).toHaveLength(1);
  });
});
