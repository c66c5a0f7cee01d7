import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Attendee } from '../domain/application.entity';
import { CourseSession } from '../domain/course-session.entity';

@Injectable()
export class CourseSessionRepository {
  add(em: EntityManager, session: CourseSession): void {
    em.persist(session);
  }

  /**
   * The session with its row locked (SELECT … FOR UPDATE) until the transaction ends: every
   * application for it queues here, so the seats counted after this are not stale (ADR 0092).
   */
  lock(em: EntityManager, sessionId: string): Promise<CourseSession | null> {
    return em.findOne(
      CourseSession,
      { id: sessionId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  find(em: EntityManager, sessionId: string): Promise<CourseSession | null> {
    return em.findOne(CourseSession, { id: sessionId });
  }

  /** The seats taken (every attendee not cancelled, completed ones too); count under its lock. */
  liveSeats(em: EntityManager, sessionId: string): Promise<number> {
    return em.count(Attendee, { sessionId, status: { $ne: 'cancelled' } });
  }

  /** Which of these people already hold a seat (not cancelled): by account, and (staff) by lower-cased e-mail. */
  async liveHolders(
    em: EntityManager,
    sessionId: string,
    people: { accountIds: string[]; emails: string[] },
  ): Promise<{ accountIds: string[]; emails: string[] }> {
    if (people.accountIds.length === 0 && people.emails.length === 0)
      return { accountIds: [], emails: [] };
    const holders = await em.find(
      Attendee,
      {
        sessionId,
        status: { $ne: 'cancelled' },
        $or: [
          ...(people.accountIds.length > 0 ? [{ accountId: { $in: people.accountIds } }] : []),
          ...(people.emails.length > 0 ? [{ email: { $in: people.emails } }] : []),
        ],
      },
      { fields: ['accountId', 'email'] },
    );
    return {
      accountIds: holders.flatMap((h) => (h.accountId ? [h.accountId] : [])),
      emails: holders.flatMap((h) => (h.email ? [h.email] : [])),
    };
  }
}
