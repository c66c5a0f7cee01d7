import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { RequestContext, TransactionRunner } from '@app/platform';
import { SessionNotFoundError } from '../../../domain/enrollments.errors';
import { CourseSessionRepository } from '../../../infrastructure/course-session.repository';
import { CloseSessionCommand } from './close-session.command';

@CommandHandler(CloseSessionCommand)
export class CloseSessionHandler implements ICommandHandler<CloseSessionCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: CourseSessionRepository,
    private readonly context: RequestContext,
  ) {}

  execute({ sessionId }: CloseSessionCommand): Promise<void> {
    return this.transactions.run(async (em) => {
      const session = isUuid(sessionId) ? await this.sessions.lock(em, sessionId) : null;
      if (!session) throw new SessionNotFoundError();
      session.close(this.context.actorAccountId);
    });
  }
}
