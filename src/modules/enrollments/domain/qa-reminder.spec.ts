import { QaEntitlement } from './qa-entitlement';
import { isReminderDue, reminderDueAt, startDatesWithReminderDue } from './qa-reminder';

const at = (iso: string) => new Date(iso);

describe('the QA reminder, 7 days before the entitlement ends (Japan time)', () => {
  // Course on 2027-01-10: ends 2027-04-10 00:00 JST (2027-04-09T15:00Z), last day 2027-04-09.
  const entitlement = QaEntitlement.from('2027-01-10');

  it('is due from 00:00 Japan time 7 days before the end', () => {
    expect(reminderDueAt(entitlement).toISOString()).toBe('2027-04-02T15:00:00.000Z');
    expect(isReminderDue(entitlement, at('2027-04-02T14:59:59.999Z'))).toBe(false);
    expect(isReminderDue(entitlement, at('2027-04-02T15:00:00.000Z'))).toBe(true);
  });

  it('stays due until the end, then never', () => {
    expect(isReminderDue(entitlement, at('2027-04-09T14:59:59.999Z'))).toBe(true);
    expect(isReminderDue(entitlement, at('2027-04-09T15:00:00.000Z'))).toBe(false);
  });

  it('narrows the search to the course dates whose reminder can be due that Japan day', () => {
    const { from, to } = startDatesWithReminderDue('2027-04-03');
    expect(isReminderDue(QaEntitlement.from(to), at('2027-04-02T15:00:00.000Z'))).toBe(true);
    expect(isReminderDue(QaEntitlement.from(from), at('2027-04-03T14:59:59.999Z'))).toBe(true);
    expect(to).toBe('2027-01-10');
    expect(from).toBe('2027-01-04');
  });
});
