import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RequestContext, TransactionRunner } from '@app/platform';
import { AccountNotFoundError } from '../../../../accounts/public-api';
import { Session } from '../../../domain/session.entity';
import { hashSessionToken, newSessionToken } from '../../../domain/session-token';
import { CredentialRepository } from '../../../infrastructure/credential.repository';
import { SessionRepository } from '../../../infrastructure/session.repository';
import { AuthenticationSettings } from '../../authentication-settings';
import { StartSessionCommand } from './start-session.command';
import type { StartedSession } from './start-session.command';

@CommandHandler(StartSessionCommand)
export class StartSessionHandler implements ICommandHandler<StartSessionCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly credentials: CredentialRepository,
    private readonly sessions: SessionRepository,
    private readonly settings: AuthenticationSettings,
    private readonly context: RequestContext,
  ) {}

  execute({ accountId, options }: StartSessionCommand): Promise<StartedSession> {
    const sessionToken = newSessionToken();
    return this.transactions.run(async (em) => {
      const userId = options.userId ?? (await this.credentials.find(em, accountId))?.userId;
      if (!userId) throw new AccountNotFoundError();
      const session = Session.start({
        accountId,
        userId,
        tokenHash: hashSessionToken(sessionToken),
        scope: options.scope,
        now: new Date(),
        lifetimeMs: this.settings.sessionLifetimeMs,
        clientIp: this.context.clientIp,
        userAgent: this.context.userAgent,
        login: options.login,
      });
      this.sessions.add(em, session);
      return { sessionId: session.id, sessionToken, expiresAt: session.expiresAt };
    });
  }
}
