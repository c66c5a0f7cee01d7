import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { SessionRepository } from '../../../infrastructure/session.repository';
import { RevokeSessionsCommand } from './revoke-sessions.command';

/** Idempotent: sessions already ended are left alone and a repeat records no event. */
@CommandHandler(RevokeSessionsCommand)
export class RevokeSessionsHandler implements ICommandHandler<RevokeSessionsCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionRepository,
  ) {}

  execute({ accountId, options }: RevokeSessionsCommand): Promise<number> {
    return this.transactions.run(async (em) => {
      const live = await this.sessions.lockLive(em, accountId, {
        exceptSessionId: options.exceptSessionId,
      });
      return live.revoke(options.reason, new Date());
    });
  }
}
