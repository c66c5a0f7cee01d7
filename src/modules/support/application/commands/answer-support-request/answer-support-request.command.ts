import { Command } from '@nestjs/cqrs';

/** The reply is mailed to the customer in their language, and the request is closed. */
export class AnswerSupportRequestCommand extends Command<void> {
  constructor(
    readonly supportRequestId: string,
    readonly staffAccountId: string,
    readonly reply: string,
  ) {
    super();
  }
}
