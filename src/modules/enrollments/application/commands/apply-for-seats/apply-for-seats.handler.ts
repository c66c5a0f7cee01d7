import type { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { RequestContext, TransactionRunner } from '@app/platform';
import { FindAccountForLoginQuery, GetAccountQuery } from '../../../../accounts/public-api';
import type { AccountView } from '../../../../accounts/public-api';
import { GetMembershipQuery } from '../../../../groups/public-api';
import { Application, MAX_ATTENDEES } from '../../../domain/application.entity';
import type { AttendeeInput, AttendeeKind } from '../../../domain/application.entity';
import {
  AccountNotFoundError,
  AlreadyAppliedError,
  AttendeeKindNotAllowedError,
  CourseNotFoundError,
  MemberNotFoundError,
  SessionNotFoundError,
} from '../../../domain/enrollments.errors';
import { ApplicationRepository } from '../../../infrastructure/application.repository';
import { CourseSessionRepository } from '../../../infrastructure/course-session.repository';
import { CourseRepository } from '../../../infrastructure/course.repository';
import { EnrollmentsSettings } from '../../enrollments-settings';
import { recipientOf } from '../../recipients';
import { ApplyForSeatsCommand } from './apply-for-seats.command';
import type { RequestedAttendee, SeatsApplied } from './apply-for-seats.command';

/** Which attendees each account type may apply for (docs/enrollments.md, "Who may be an attendee"). */
const KINDS_BY_TYPE: Record<AccountView['type'], readonly AttendeeKind[]> = {
  individual: ['self'],
  corporate: ['self', 'staff'],
  group: ['self', 'staff', 'member'],
};

@CommandHandler(ApplyForSeatsCommand)
export class ApplyForSeatsHandler implements ICommandHandler<ApplyForSeatsCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly queries: QueryBus,
    private readonly courses: CourseRepository,
    private readonly sessions: CourseSessionRepository,
    private readonly applications: ApplicationRepository,
    private readonly settings: EnrollmentsSettings,
    private readonly context: RequestContext,
  ) {}

  execute(command: ApplyForSeatsCommand): Promise<SeatsApplied> {
    return this.transactions.run(async (em) => {
      const applicant = await this.queries.execute(new GetAccountQuery(command.applicantAccountId));
      if (!applicant || applicant.status !== 'active') throw new AccountNotFoundError();
      this.refuseKindsNotAllowed(applicant, command.attendees);
      const attendees = await this.resolve(applicant, command.attendees);
      refuseDuplicates(attendees);

      if (!isUuid(command.sessionId)) throw new SessionNotFoundError();
      // The lock every application for this session queues behind while its seats are counted.
      const session = await this.sessions.lock(em, command.sessionId);
      if (!session) throw new SessionNotFoundError();
      const course = await this.courses.find(em, session.courseId);
      if (!course) throw new CourseNotFoundError();
      await this.refuseLiveHolders(em, session.id, attendees);
      session.admit(await this.sessions.liveSeats(em, session.id), attendees.length);

      const application = Application.receive(
        {
          number: await this.applications.nextNumber(em),
          sessionId: session.id,
          applicant: {
            accountId: applicant.accountId,
            userId: applicant.userId,
            type: applicant.type,
            name: applicant.profile.name,
          },
          channel: command.channel,
          attendees,
          myPageUrl: this.settings.myPageApplicationsUrl(),
        },
        {
          facts: session.facts(course),
          applicant: recipientOf(applicant),
          attendeeAccounts: new Map(),
          byAccountId: this.context.actorAccountId,
        },
        new Date(),
      );
      this.applications.add(em, application);
      return { applicationId: application.id, number: application.number };
    });
  }

  private refuseKindsNotAllowed(applicant: AccountView, requested: RequestedAttendee[]): void {
    const allowed = KINDS_BY_TYPE[applicant.type];
    const refused = requested.filter((attendee) => !allowed.includes(attendee.kind));
    const individualNotAlone = applicant.type === 'individual' && requested.length !== 1;
    if (refused.length > 0 || individualNotAlone || requested.length === 0)
      throw new AttendeeKindNotAllowedError({
        accountType: applicant.type,
        allowedKinds: [...allowed],
        ...(applicant.type === 'individual' ? { maxAttendees: 1 } : {}),
      });
    if (requested.length > MAX_ATTENDEES)
      throw new AttendeeKindNotAllowedError({ maxAttendees: MAX_ATTENDEES });
  }

  private async resolve(
    applicant: AccountView,
    requested: RequestedAttendee[],
  ): Promise<AttendeeInput[]> {
    const resolved: AttendeeInput[] = [];
    for (const attendee of requested) {
      if (attendee.kind === 'self')
        resolved.push({
          kind: 'self',
          accountId: applicant.accountId,
          userId: applicant.userId,
          name: applicant.profile.name,
          nameKana: applicant.profile.nameKana,
          email: null,
        });
      else if (attendee.kind === 'staff')
        resolved.push({
          kind: 'staff',
          accountId: null,
          userId: null,
          name: attendee.name,
          nameKana: attendee.nameKana,
          email: attendee.email.toLowerCase(),
        });
      else resolved.push(await this.member(applicant, attendee.userId));
    }
    return resolved;
  }

  /** An active member of the applicant's own group; anyone else is as unknown as a free ID. */
  private async member(applicant: AccountView, userId: string): Promise<AttendeeInput> {
    const found = await this.queries.execute(new FindAccountForLoginQuery(userId));
    if (!found || found.status !== 'active' || found.type !== 'group')
      throw new MemberNotFoundError({ userId });
    const [own, theirs, account] = [
      await this.queries.execute(new GetMembershipQuery(applicant.accountId)),
      await this.queries.execute(new GetMembershipQuery(found.accountId)),
      await this.queries.execute(new GetAccountQuery(found.accountId)),
    ];
    if (!own || !theirs || own.groupId !== theirs.groupId || !account)
      throw new MemberNotFoundError({ userId });
    return {
      kind: 'member',
      accountId: account.accountId,
      userId: account.userId,
      name: account.profile.name,
      nameKana: account.profile.nameKana,
      email: null,
    };
  }

  private async refuseLiveHolders(
    em: EntityManager,
    sessionId: string,
    attendees: AttendeeInput[],
  ): Promise<void> {
    const holders = await this.sessions.liveHolders(em, sessionId, {
      accountIds: attendees.flatMap((a) => (a.accountId ? [a.accountId] : [])),
      emails: attendees.flatMap((a) => (a.email ? [a.email] : [])),
    });
    if (holders.accountIds.length === 0 && holders.emails.length === 0) return;
    throw new AlreadyAppliedError({
      userIds: attendees
        .filter((a) => a.accountId && holders.accountIds.includes(a.accountId))
        .map((a) => a.userId),
      emails: holders.emails,
    });
  }
}

/** The same person twice in one application: the same account, or the same staff e-mail. */
function refuseDuplicates(attendees: AttendeeInput[]): void {
  const keys = attendees.map((a) => a.accountId ?? `email:${a.email}`);
  const twice = attendees.filter((_a, i) => keys.indexOf(keys[i]) !== i);
  if (twice.length > 0)
    throw new AlreadyAppliedError({
      userIds: twice.flatMap((a) => (a.userId ? [a.userId] : [])),
      emails: twice.flatMap((a) => (a.email ? [a.email] : [])),
    });
}
