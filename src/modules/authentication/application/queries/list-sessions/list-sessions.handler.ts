import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuthenticationReadModel } from '../../../infrastructure/authentication.read-model';
import { ListSessionsQuery } from './list-sessions.query';
import type { SessionView } from './list-sessions.query';

@QueryHandler(ListSessionsQuery)
export class ListSessionsHandler implements IQueryHandler<ListSessionsQuery> {
  constructor(private readonly reads: AuthenticationReadModel) {}

  execute({ accountId, currentSessionId }: ListSessionsQuery): Promise<SessionView[]> {
    return this.reads.sessionsOf(accountId, currentSessionId);
  }
}
