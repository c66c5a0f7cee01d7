import { Command } from '@nestjs/cqrs';

/**
 * Records `QaReminderDue` for every entitlement whose reminder is due and not yet recorded; safe to
 * run on several instances at once (ADR 0090). Answers how many this run recorded.
 */
export class RecordDueQaRemindersCommand extends Command<{ recorded: number }> {
  constructor(readonly now: Date = new Date()) {
    super();
  }
}
