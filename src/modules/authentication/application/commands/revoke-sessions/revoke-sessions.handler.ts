import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { SessionsRevoked } from '../../../domain/authentication.events';
import { RevokeSessionsCommand } from './revoke-sessions.command';

/** Idempotent: sessions already ended are left alone and a repeat records no event. */
@CommandHandler(RevokeSessionsCommand)
export class RevokeSessionsHandler implements ICommandHandler<RevokeSessionsCommand> {
  constructor(private readonly transactions: TransactionRunner) {}

  execute({ accountId, options }: RevokeSessionsCommand): Promise<number> {
    return this.transactions.run(async (em) => {
      const rows = await em.execute<{ id: string }[]>(
        `update "authentication"."session" set "revoked_at" = now(), "revoked_reason" = ?
         where "account_id" = ? and "revoked_at" is null and "expires_at" > now()
         ${options.exceptSessionId ? 'and "id" <> ?' : ''}
         returning "id"`,
        [options.reason, accountId, ...(options.exceptSessionId ? [options.exceptSessionId] : [])],
      );
      if (rows.length > 0) {
        this.transactions.publish(
          em,
          new SessionsRevoked({
            accountId,
            sessionIds: rows.map((row) => row.id),
            reason: options.reason,
          }),
        );
      }
      return rows.length;
    });
  }
}
