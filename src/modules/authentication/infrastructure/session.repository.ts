import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { trackAggregate } from '@app/platform';
import { LiveSessions } from '../domain/live-sessions';
import { Session } from '../domain/session.entity';

/**
 * How commands start and end sessions. Ending loads the sessions under their row locks, so of two
 * revocations at once the second finds them ended and records nothing.
 */
@Injectable()
export class SessionRepository {
  add(em: EntityManager, session: Session): void {
    em.persist(session);
  }

  /** A session of the account not yet ended (an expired one can still be logged out of). */
  lockUnended(em: EntityManager, accountId: string, sessionId: string): Promise<Session | null> {
    return em.findOne(
      Session,
      { id: sessionId, accountId, revokedAt: null },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  /** The account's live sessions: all of them, only `sessionId`, or all but `exceptSessionId`. */
  async lockLive(
    em: EntityManager,
    accountId: string,
    which: { sessionId?: string; exceptSessionId?: string } = {},
  ): Promise<LiveSessions> {
    const id =
      which.sessionId ?? (which.exceptSessionId ? { $ne: which.exceptSessionId } : undefined);
    const sessions = await em.find(
      Session,
      {
        accountId,
        revokedAt: null,
        expiresAt: { $gt: new Date() },
        ...(id === undefined ? {} : { id }),
      },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    const live = LiveSessions.of(accountId, sessions);
    trackAggregate(em, live);
    return live;
  }

  /** A restricted session whose holder replaced the password becomes a full one, in place. */
  async widenToFull(em: EntityManager, sessionId: string): Promise<void> {
    await em.nativeUpdate(Session, { id: sessionId }, { scope: 'full' });
  }
}
