import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { LoggedOut } from '../../../domain/authentication.events';
import { Session } from '../../../domain/session.entity';
import { LogOutCommand } from './log-out.command';

@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand> {
  constructor(private readonly transactions: TransactionRunner) {}

  async execute({ accountId, sessionId }: LogOutCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const ended = await em.nativeUpdate(
        Session,
        { id: sessionId, accountId, revokedAt: null },
        { revokedAt: new Date(), revokedReason: 'logged_out' },
      );
      if (ended > 0) this.transactions.publish(em, new LoggedOut({ accountId, sessionId }));
    });
  }
}
