import { Command } from '@nestjs/cqrs';

/** Ends the session the request came with. */
export class LogOutCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly sessionId: string,
  ) {
    super();
  }
}
