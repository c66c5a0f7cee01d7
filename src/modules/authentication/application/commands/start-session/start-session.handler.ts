import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RequestContext, TransactionRunner } from '@app/platform';
import { AccountNotFoundError } from '../../../../accounts/public-api';
import { Credential } from '../../../domain/credential.entity';
import { Session } from '../../../domain/session.entity';
import { hashSessionToken, newSessionToken } from '../../../domain/session-token';
import { AuthenticationSettings } from '../../authentication-settings';
import { StartSessionCommand } from './start-session.command';
import type { StartedSession } from './start-session.command';

@CommandHandler(StartSessionCommand)
export class StartSessionHandler implements ICommandHandler<StartSessionCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly settings: AuthenticationSettings,
    private readonly context: RequestContext,
  ) {}

  execute({ accountId, options }: StartSessionCommand): Promise<StartedSession> {
    const sessionToken = newSessionToken();
    return this.transactions.run(async (em) => {
      const credential = await em.findOne(Credential, { accountId });
      if (!credential) throw new AccountNotFoundError();
      const session = Session.start({
        accountId,
        userId: credential.userId,
        tokenHash: hashSessionToken(sessionToken),
        scope: options.scope,
        now: new Date(),
        lifetimeMs: this.settings.sessionLifetimeMs,
        clientIp: this.context.clientIp,
        userAgent: this.context.userAgent,
      });
      em.persist(session);
      return { sessionId: session.id, sessionToken, expiresAt: session.expiresAt };
    });
  }
}
