import { Command } from '@nestjs/cqrs';

import type { SessionLogin, SessionScope } from '../../../domain/session.entity';

export type { SessionLogin, SessionScope };

export interface StartedSession {
  sessionId: string;
  /** The bearer secret; only its SHA-256 is stored. */
  sessionToken: string;
  expiresAt: Date;
}

/**
 * Opens a session for an account whose every login step has succeeded; with `login`, the session
 * records `LoginSucceeded`. Also used (without `login`) by test builders of other contexts to
 * arrange a logged-in user without going through the login endpoint.
 */
export class StartSessionCommand extends Command<StartedSession> {
  constructor(
    readonly accountId: string,
    readonly options: {
      scope: SessionScope;
      login?: SessionLogin;
      /**
       * The account's user ID, when the caller read it a moment ago in its own statement (the
       * code step reads the account with its challenge, ADR 0093): no credential is read then.
       */
      userId?: string;
    },
  ) {
    super();
  }
}
