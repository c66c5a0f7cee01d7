import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { Session } from '../../../domain/session.entity';
import { AuthenticationSettings } from '../../authentication-settings';
import { ListSessionsQuery } from './list-sessions.query';
import type { SessionView } from './list-sessions.query';

@QueryHandler(ListSessionsQuery)
export class ListSessionsHandler implements IQueryHandler<ListSessionsQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: AuthenticationSettings,
  ) {}

  async execute({ accountId, currentSessionId }: ListSessionsQuery): Promise<SessionView[]> {
    const now = Date.now();
    const sessions = await forkForReads(this.em).find(
      Session,
      {
        accountId,
        revokedAt: null,
        expiresAt: { $gt: new Date(now) },
        lastSeenAt: { $gt: new Date(now - this.settings.sessionIdleMs) },
      },
      { orderBy: { createdAt: 'desc' } },
    );
    return sessions.map((session) => ({
      id: session.id,
      scope: session.scope,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      clientIp: session.clientIp,
      userAgent: session.userAgent,
      current: session.id === currentSessionId,
    }));
  }
}
