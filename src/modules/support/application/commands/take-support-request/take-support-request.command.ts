import { Command } from '@nestjs/cqrs';

/** A staff member takes an open request: it is in progress with them. */
export class TakeSupportRequestCommand extends Command<void> {
  constructor(
    readonly supportRequestId: string,
    readonly staffAccountId: string,
  ) {
    super();
  }
}
