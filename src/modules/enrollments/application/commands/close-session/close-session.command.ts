import { Command } from '@nestjs/cqrs';

export class CloseSessionCommand extends Command<void> {
  constructor(readonly sessionId: string) {
    super();
  }
}
