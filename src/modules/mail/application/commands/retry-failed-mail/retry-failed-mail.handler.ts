import { InjectQueue } from '@nestjs/bull';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Queue } from 'bull';
import { FailedMailNotFoundError } from '../../../domain/mail.errors';
import { MAIL_QUEUE } from '../../../infrastructure/mail-events.processor';
import { RetryFailedMailCommand } from './retry-failed-mail.command';

/** A job that is not (or no longer) failed is not found: two retries at once send one mail. */
@CommandHandler(RetryFailedMailCommand)
export class RetryFailedMailHandler implements ICommandHandler<RetryFailedMailCommand> {
  constructor(@InjectQueue(MAIL_QUEUE) private readonly queue: Queue) {}

  async execute({ jobId }: RetryFailedMailCommand): Promise<void> {
    if (!/^[0-9A-Za-z:_-]{1,64}$/.test(jobId)) throw new FailedMailNotFoundError();
    const job = await this.queue.getJob(jobId);
    if (!job || !(await job.isFailed())) throw new FailedMailNotFoundError();
    try {
      await job.retry();
    } catch {
      // Bull refuses a retry of a job that another retry already moved out of "failed".
      throw new FailedMailNotFoundError();
    }
  }
}
