import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { RequestContext, TransactionRunner } from '@app/platform';
import { SessionNotFoundError } from '../../../domain/enrollments.errors';
import { CourseSessionRepository } from '../../../infrastructure/course-session.repository';
import { OpenSessionCommand } from './open-session.command';

@CommandHandler(OpenSessionCommand)
export class OpenSessionHandler implements ICommandHandler<OpenSessionCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: CourseSessionRepository,
    private readonly context: RequestContext,
  ) {}

  execute({ sessionId }: OpenSessionCommand): Promise<void> {
    return this.transactions.run(async (em) => {
      const session = isUuid(sessionId) ? await this.sessions.lock(em, sessionId) : null;
      if (!session) throw new SessionNotFoundError();
      session.open(this.context.actorAccountId);
    });
  }
}
