import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { SessionNotFoundError } from '../../../domain/authentication.errors';
import { SessionRepository } from '../../../infrastructure/session.repository';
import { EndSessionCommand } from './end-session.command';

@CommandHandler(EndSessionCommand)
export class EndSessionHandler implements ICommandHandler<EndSessionCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionRepository,
  ) {}

  async execute({ accountId, sessionId }: EndSessionCommand): Promise<void> {
    const ended = await this.transactions.run(async (em) => {
      // Someone else's session answers exactly like a missing one.
      const live = await this.sessions.lockLive(em, accountId, { sessionId });
      return live.revoke('user_request', new Date());
    });
    if (ended === 0) throw new SessionNotFoundError();
  }
}
