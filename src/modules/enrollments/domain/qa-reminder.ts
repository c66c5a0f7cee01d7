import { addDays } from './japan-date';
import { QA_ENTITLEMENT_DAYS } from './qa-entitlement';
import type { QaEntitlement } from './qa-entitlement';

/** The reminder goes out this many days before the entitlement ends (ADR 0090). */
export const QA_REMINDER_DAYS_BEFORE = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** From this instant the reminder is due (Japan has no daylight saving: 7 days are 7 × 24 h). */
export function reminderDueAt(entitlement: QaEntitlement): Date {
  return new Date(entitlement.endsAt.getTime() - QA_REMINDER_DAYS_BEFORE * DAY_MS);
}

/** Due from 7 days before the end until the end: a late run still reminds, an ended one never. */
export function isReminderDue(entitlement: QaEntitlement, now: Date): boolean {
  return (
    reminderDueAt(entitlement).getTime() <= now.getTime() &&
    now.getTime() < entitlement.endsAt.getTime()
  );
}

/**
 * The course dates (Japan time) whose entitlement's reminder can be due on `today`: narrows the
 * search in the database; `isReminderDue` decides.
 */
export function startDatesWithReminderDue(today: string): { from: string; to: string } {
  return {
    from: addDays(today, -(QA_ENTITLEMENT_DAYS - 1)),
    to: addDays(today, -(QA_ENTITLEMENT_DAYS - QA_REMINDER_DAYS_BEFORE)),
  };
}
