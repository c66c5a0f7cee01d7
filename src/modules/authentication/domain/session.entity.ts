import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { AggregateRoot } from '@app/ddd';
import { randomUUID } from 'node:crypto';
import { LoggedOut, LoginSucceeded } from './authentication.events';
import type { LoginSucceededPayload } from './authentication.events';

export type SessionScope = 'full' | 'password_change';

/** How the login that opens a session went; absent when a session is arranged without one (tests). */
export type SessionLogin = Pick<LoginSucceededPayload, 'method' | 'renewalRequired'>;

/** A logged-in browser or client. The token itself is never stored, only its SHA-256. */
@Entity({ schema: 'authentication', tableName: 'session' })
@Index({ properties: ['accountId', 'revokedAt'] })
export class Session extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'string', length: 20 })
  userId!: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @Property({ type: 'string', length: 20 })
  scope!: SessionScope;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  /** Refreshed at most once a minute, so an authenticated read rarely writes. */
  @Property({ type: 'timestamptz' })
  lastSeenAt!: Date;

  /** The absolute end, whatever the activity. */
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  revokedReason: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  clientIp: string | null = null;

  @Property({ type: 'string', length: 512, nullable: true })
  userAgent: string | null = null;

  static start(input: {
    accountId: string;
    userId: string;
    tokenHash: string;
    scope: SessionScope;
    now: Date;
    lifetimeMs: number;
    clientIp: string | null;
    userAgent: string | null;
    login?: SessionLogin;
  }): Session {
    const session = new Session();
    session.accountId = input.accountId;
    session.userId = input.userId;
    session.tokenHash = input.tokenHash;
    session.scope = input.scope;
    session.createdAt = input.now;
    session.lastSeenAt = input.now;
    session.expiresAt = new Date(input.now.getTime() + input.lifetimeMs);
    session.clientIp = input.clientIp;
    session.userAgent = input.userAgent;
    if (input.login) {
      session.record(
        new LoginSucceeded({
          accountId: session.accountId,
          userId: session.userId,
          sessionId: session.id,
          scope: session.scope,
          ...input.login,
        }),
      );
    }
    return session;
  }

  /** The holder ended it. */
  logOut(now: Date): void {
    this.end('logged_out', now);
    this.record(new LoggedOut({ accountId: this.accountId, sessionId: this.id }));
  }

  /** Ended for a reason outside the session; `LiveSessions` records the revocation as one fact. */
  end(reason: string, now: Date): void {
    this.revokedAt = now;
    this.revokedReason = reason;
  }
}
