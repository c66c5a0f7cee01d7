import { Command } from '@nestjs/cqrs';

/** The owner ends one of their sessions (e.g. a browser left logged in elsewhere). */
export class EndSessionCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly sessionId: string,
  ) {
    super();
  }
}
