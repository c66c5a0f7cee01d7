import { Command } from '@nestjs/cqrs';

/** Sends a failed mail again, with a fresh set of attempts. */
export class RetryFailedMailCommand extends Command<void> {
  constructor(readonly jobId: string) {
    super();
  }
}
