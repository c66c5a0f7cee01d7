import { Command } from '@nestjs/cqrs';

/** The caller gives up the administrator role; refused when nobody else holds it. */
export class StepDownCommand extends Command<void> {
  constructor(readonly administratorAccountId: string) {
    super();
  }
}
