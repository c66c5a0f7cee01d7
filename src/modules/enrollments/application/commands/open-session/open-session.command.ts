import { Command } from '@nestjs/cqrs';

export class OpenSessionCommand extends Command<void> {
  constructor(readonly sessionId: string) {
    super();
  }
}
