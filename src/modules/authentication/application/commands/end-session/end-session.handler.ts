import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { SessionsRevoked } from '../../../domain/authentication.events';
import { SessionNotFoundError } from '../../../domain/authentication.errors';
import { EndSessionCommand } from './end-session.command';

@CommandHandler(EndSessionCommand)
export class EndSessionHandler implements ICommandHandler<EndSessionCommand> {
  constructor(private readonly transactions: TransactionRunner) {}

  async execute({ accountId, sessionId }: EndSessionCommand): Promise<void> {
    const ended = await this.transactions.run(async (em) => {
      // Someone else's session answers exactly like a missing one.
      const rows = await em.execute<{ id: string }[]>(
        `update "authentication"."session" set "revoked_at" = now(), "revoked_reason" = 'user_request'
         where "id" = ? and "account_id" = ? and "revoked_at" is null and "expires_at" > now()
         returning "id"`,
        [sessionId, accountId],
      );
      if (rows.length > 0)
        this.transactions.publish(
          em,
          new SessionsRevoked({ accountId, sessionIds: [sessionId], reason: 'user_request' }),
        );
      return rows.length > 0;
    });
    if (!ended) throw new SessionNotFoundError();
  }
}
