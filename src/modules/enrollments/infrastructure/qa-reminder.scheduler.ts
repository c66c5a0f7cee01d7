import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RequestContext } from '@app/platform';
import type { Queue } from 'bull';
import { EnrollmentsSettings } from '../application/enrollments-settings';
import { RecordDueQaRemindersCommand } from '../application/commands/record-due-qa-reminders/record-due-qa-reminders.command';

export const QA_REMINDER_QUEUE = 'enrollments-qa-reminders';
const REMIND_JOB = 'remind';

/**
 * Runs the QA reminders every ENROLLMENTS_QA_REMINDER_INTERVAL_SECONDS across all instances, the
 * way the audit retention runs (ADR 0071): every instance declares the same Bull repeatable job,
 * one schedule in Redis, each tick taken by one worker. Once-only does not rest on this: the
 * reminder table's key holds even when two runs overlap (ADR 0090).
 */
@Processor(QA_REMINDER_QUEUE)
export class QaReminderScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(QaReminderScheduler.name);

  constructor(
    @InjectQueue(QA_REMINDER_QUEUE) private readonly queue: Queue,
    private readonly commands: CommandBus,
    private readonly context: RequestContext,
    private readonly settings: EnrollmentsSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const every = this.settings.ENROLLMENTS_QA_REMINDER_INTERVAL_SECONDS * 1000;
    try {
      for (const job of await this.queue.getRepeatableJobs())
        if (job.every !== every) await this.queue.removeRepeatableByKey(job.key);
      await this.queue.add(
        REMIND_JOB,
        {},
        { repeat: { every }, jobId: REMIND_JOB, removeOnComplete: true, removeOnFail: 100 },
      );
    } catch (error) {
      // Redis is down at start: the next instance start (or this one's restart) schedules it.
      this.logger.warn(`QA reminders not scheduled: ${(error as Error).message}`);
    }
  }

  @Process(REMIND_JOB)
  async onTick(): Promise<void> {
    await this.run();
  }

  async run(now = new Date()): Promise<{ recorded: number }> {
    const result = await this.context.run({}, () =>
      this.commands.execute(new RecordDueQaRemindersCommand(now)),
    );
    if (result.recorded > 0) this.logger.log(`QA reminders recorded: ${result.recorded}`);
    return result;
  }
}
