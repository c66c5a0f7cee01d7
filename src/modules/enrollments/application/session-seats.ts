import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { isUuid } from '@app/ddd';
import type { Application, Notice } from '../domain/application.entity';
import { AttendeeNotInSessionError, SessionNotFoundError } from '../domain/enrollments.errors';
import { ApplicationRepository } from '../infrastructure/application.repository';
import { CourseSessionRepository } from '../infrastructure/course-session.repository';
import { AttendeeNotices } from './attendee-notices';

/** An application holding some of the listed seats, locked, with the notice its mails need. */
export interface NotifiedApplication {
  application: Application;
  notice: Notice;
}

/**
 * What staff's confirmation and completion of a session's seats share: the session, the
 * applications holding the listed attendees under a row lock (`ATTENDEE_NOT_IN_SESSION` for one it
 * does not hold), and each application's notice. An application whose applicant no longer has an
 * account is left out, as its mails would reach nobody.
 */
@Injectable()
export class SessionSeats {
  constructor(
    private readonly sessions: CourseSessionRepository,
    private readonly applications: ApplicationRepository,
    private readonly notices: AttendeeNotices,
  ) {}

  async lockListed(
    em: EntityManager,
    sessionId: string,
    attendeeIds: string[],
  ): Promise<NotifiedApplication[]> {
    const session = isUuid(sessionId) ? await this.sessions.find(em, sessionId) : null;
    if (!session) throw new SessionNotFoundError();
    const { applications, strangers } = await this.applications.lockHoldersOf(
      em,
      session.id,
      attendeeIds,
    );
    if (strangers.length > 0) throw new AttendeeNotInSessionError({ attendeeIds: strangers });
    const facts = await this.notices.facts(em, session);
    const notified: NotifiedApplication[] = [];
    for (const application of applications) {
      const notice = await this.notices.forApplication(application, facts);
      if (notice) notified.push({ application, notice });
    }
    return notified;
  }
}
