import { AggregateRoot } from '@app/ddd';
import { SessionsRevoked } from './authentication.events';
import type { Session } from './session.entity';

/**
 * The live sessions of one account, loaded under their row locks: what a revocation ends, as one
 * fact. Empty once they have ended, so a repeated revocation records nothing.
 */
export class LiveSessions extends AggregateRoot {
  private constructor(
    private readonly accountId: string,
    private readonly sessions: Session[],
  ) {
    super();
  }

  static of(accountId: string, sessions: Session[]): LiveSessions {
    return new LiveSessions(accountId, [...sessions]);
  }

  /** Ends them all; answers how many. */
  revoke(reason: string, now: Date): number {
    if (this.sessions.length === 0) return 0;
    for (const session of this.sessions) session.end(reason, now);
    this.record(
      new SessionsRevoked({
        accountId: this.accountId,
        sessionIds: this.sessions.map((session) => session.id),
        reason,
      }),
    );
    return this.sessions.splice(0).length;
  }
}
