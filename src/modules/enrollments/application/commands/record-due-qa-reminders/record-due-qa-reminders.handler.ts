import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { GetAccountQuery } from '../../../../accounts/public-api';
import type { AccountView } from '../../../../accounts/public-api';
import { QaReminderDue } from '../../../domain/enrollments.events';
import { japanDate } from '../../../domain/japan-date';
import { QaEntitlement } from '../../../domain/qa-entitlement';
import { isReminderDue, startDatesWithReminderDue } from '../../../domain/qa-reminder';
import { EnrollmentsReadModel } from '../../../infrastructure/enrollments.read-model';
import { RecordDueQaRemindersCommand } from './record-due-qa-reminders.command';

/** At most this many reminders per run; the next run takes the rest. */
const BATCH = 500;

@CommandHandler(RecordDueQaRemindersCommand)
export class RecordDueQaRemindersHandler implements ICommandHandler<RecordDueQaRemindersCommand> {
  constructor(
    private readonly readModel: EnrollmentsReadModel,
    private readonly queries: QueryBus,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ now }: RecordDueQaRemindersCommand): Promise<{ recorded: number }> {
    const { from, to } = startDatesWithReminderDue(japanDate(now));
    const due = (await this.readModel.notRemindedStartingBetween(from, to, BATCH)).filter((seat) =>
      isReminderDue(QaEntitlement.from(seat.startDate), now),
    );
    if (due.length === 0) return { recorded: 0 };

    // Looked up before the transaction: no account read waits while reminder rows are held.
    const owners = new Map<string, AccountView>();
    for (const accountId of new Set(due.map((seat) => seat.ownerAccountId))) {
      const account = await this.queries.execute(new GetAccountQuery(accountId));
      if (account && account.status !== 'withdrawn' && account.email)
        owners.set(accountId, account);
    }

    return this.transactions.run(async (em) => {
      let recorded = 0;
      for (const seat of due) {
        const owner = owners.get(seat.ownerAccountId);
        if (!owner) continue;
        const entitlement = QaEntitlement.from(seat.startDate);
        // The key decides: of two runs at once, the second waits for the first's row, then
        // inserts nothing and records nothing.
        const inserted = await em.execute<{ attendee_id: string }[]>(
          `insert into "enrollments"."qa_reminder" ("attendee_id", "account_id", "ends_at", "reminded_at")
           values (?, ?, ?, ?) on conflict ("attendee_id") do nothing returning "attendee_id"`,
          [seat.attendeeId, owner.accountId, entitlement.endsAt, now],
        );
        if (inserted.length === 0) continue;
        this.transactions.publish(
          em,
          new QaReminderDue(
            {
              attendeeId: seat.attendeeId,
              applicationId: seat.applicationId,
              courseCode: seat.courseCode,
              courseTitle: seat.courseTitle,
              recipientAccountId: owner.accountId,
              lastDay: entitlement.lastDay,
              endsAt: entitlement.endsAt.toISOString(),
              language: owner.language,
            },
            owner.email,
          ),
        );
        recorded += 1;
      }
      return { recorded };
    });
  }
}
