import { InjectQueue } from '@nestjs/bull';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { DeliveredEvent } from '@app/platform';
import type { Job, Queue } from 'bull';
import { MAIL_QUEUE } from '../../../infrastructure/mail-events.processor';
import { ListFailedMailsQuery } from './list-failed-mails.query';
import type { FailedMailView } from './list-failed-mails.query';

@QueryHandler(ListFailedMailsQuery)
export class ListFailedMailsHandler implements IQueryHandler<ListFailedMailsQuery> {
  constructor(@InjectQueue(MAIL_QUEUE) private readonly queue: Queue<DeliveredEvent>) {}

  async execute({ limit }: ListFailedMailsQuery): Promise<FailedMailView[]> {
    const jobs = await this.queue.getFailed(0, Math.min(Math.max(limit, 1), 500) - 1);
    return jobs.filter(Boolean).map(toView);
  }
}

function toView(job: Job<DeliveredEvent>): FailedMailView {
  return {
    jobId: String(job.id),
    eventId: job.data.eventId,
    eventType: job.data.type,
    subjectAccountId: job.data.subjectAccountId,
    error: job.failedReason ?? '',
    attempts: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}
