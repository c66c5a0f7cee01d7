import { Command } from '@nestjs/cqrs';

/** Closed without a reply: spam, a duplicate, or settled another way. */
export class CloseSupportRequestCommand extends Command<void> {
  constructor(
    readonly supportRequestId: string,
    readonly staffAccountId: string,
  ) {
    super();
  }
}
