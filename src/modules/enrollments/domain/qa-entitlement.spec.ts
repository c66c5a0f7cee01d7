import { QaEntitlement } from './qa-entitlement';

describe('QaEntitlement (Japan time)', () => {
  it('ends 90 days after the course date at 00:00 Japan time; the last day is date + 89', () => {
    const qa = QaEntitlement.from('2026-04-10');
    expect(qa.startsAt.toISOString()).toBe('2026-04-09T15:00:00.000Z');
    expect(qa.endsAt.toISOString()).toBe('2026-07-08T15:00:00.000Z');
    expect(qa.lastDay).toBe('2026-07-08');
  });

  it.each([
    ['across a month end', '2026-01-31', '2026-05-01', '2026-04-30'],
    ['across a year end', '2026-11-15', '2027-02-13', '2027-02-12'],
    ['through a leap February', '2027-12-31', '2028-03-30', '2028-03-29'],
  ])('counts calendar days %s', (_case, date, endDay, lastDay) => {
    const qa = QaEntitlement.from(date);
    expect(qa.endsAt.toISOString()).toBe(new Date(`${endDay}T00:00:00+09:00`).toISOString());
    expect(qa.lastDay).toBe(lastDay);
  });

  it('is entitled from 00:00 Japan time of the date up to, not including, endsAt', () => {
    const qa = QaEntitlement.from('2026-04-10');
    expect(qa.entitledAt(new Date('2026-04-09T23:59:59+09:00'))).toBe(false);
    expect(qa.entitledAt(new Date('2026-04-10T00:00:00+09:00'))).toBe(true);
    expect(qa.entitledAt(new Date('2026-07-08T23:59:59.999+09:00'))).toBe(true);
    expect(qa.entitledAt(new Date('2026-07-09T00:00:00+09:00'))).toBe(false);
  });

  it('reads a UTC clock late in the day as the next Japan day', () => {
    const qa = QaEntitlement.from('2026-04-10');
    // 15:30 UTC on 9 April is already 00:30 on 10 April in Japan.
    expect(qa.entitledAt(new Date('2026-04-09T15:30:00Z'))).toBe(true);
    expect(qa.entitledAt(new Date('2026-04-09T14:59:59Z'))).toBe(false);
    // 15:00 UTC on 8 July is 00:00 on 9 July in Japan: the service has ended.
    expect(qa.entitledAt(new Date('2026-07-08T14:59:59Z'))).toBe(true);
    expect(qa.entitledAt(new Date('2026-07-08T15:00:00Z'))).toBe(false);
  });

  it('shows endsAt as an instant and lastDay as a date', () => {
    expect(QaEntitlement.from('2026-12-31').view(new Date('2027-01-05T00:00:00Z'))).toEqual({
      entitled: true,
      endsAt: '2027-03-30T15:00:00.000Z',
      lastDay: '2027-03-30',
    });
  });
});
