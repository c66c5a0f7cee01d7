import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { RequestContext } from '@app/platform';
import { GetAccountQuery } from '../../accounts/public-api';
import type { Application, Notice } from '../domain/application.entity';
import type { CourseSession } from '../domain/course-session.entity';
import { CourseNotFoundError } from '../domain/enrollments.errors';
import type { Recipient } from '../domain/enrollments.events';
import { CourseRepository } from '../infrastructure/course.repository';
import { recipientOf } from './recipients';

/**
 * Who the mails about an application's seats reach, as the accounts are now: the applicant, and
 * each member attendee's own account. A withdrawn account reaches nobody (null).
 */
@Injectable()
export class AttendeeNotices {
  constructor(
    private readonly queries: QueryBus,
    private readonly courses: CourseRepository,
    private readonly context: RequestContext,
  ) {}

  async facts(em: EntityManager, session: CourseSession): Promise<Notice['facts']> {
    const course = await this.courses.find(em, session.courseId);
    if (!course) throw new CourseNotFoundError();
    return session.facts(course);
  }

  async recipient(accountId: string): Promise<Recipient | null> {
    const account = await this.queries.execute(new GetAccountQuery(accountId));
    return account ? recipientOf(account) : null;
  }

  /** The notice for one application, or null when its applicant no longer has an account. */
  async forApplication(application: Application, facts: Notice['facts']): Promise<Notice | null> {
    const applicant = await this.recipient(application.applicantAccountId);
    if (!applicant) return null;
    const attendeeAccounts = new Map<string, Recipient>();
    for (const attendee of application.attendees.getItems()) {
      if (attendee.kind !== 'member' || !attendee.accountId) continue;
      const own = await this.recipient(attendee.accountId);
      if (own) attendeeAccounts.set(attendee.accountId, own);
    }
    return { facts, applicant, attendeeAccounts, byAccountId: this.context.actorAccountId };
  }
}
