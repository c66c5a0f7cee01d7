import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { SessionRepository } from '../../../infrastructure/session.repository';
import { LogOutCommand } from './log-out.command';

/** Idempotent: a session already ended records no second `LoggedOut`. */
@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sessions: SessionRepository,
  ) {}

  async execute({ accountId, sessionId }: LogOutCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const session = await this.sessions.lockUnended(em, accountId, sessionId);
      session?.logOut(new Date());
    });
  }
}
