import { Query } from '@nestjs/cqrs';
import type { SessionScope } from '../../../domain/session.entity';

export interface SessionView {
  id: string;
  scope: SessionScope;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  clientIp: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The account's live sessions, newest first. */
export class ListSessionsQuery extends Query<SessionView[]> {
  constructor(
    readonly accountId: string,
    readonly currentSessionId: string,
  ) {
    super();
  }
}
