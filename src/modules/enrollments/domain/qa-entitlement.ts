import { addDays, japanTime } from './japan-date';

export const QA_ENTITLEMENT_DAYS = 90;

/**
 * The free Internet QA service an attendee of a QA-eligible course enjoys (ADR 0090): from 00:00
 * Japan time of the course date (the access start for e-learning) for exactly 90 days.
 */
export class QaEntitlement {
  readonly startsAt: Date;
  /** 00:00 Japan time, 90 days after the start: the first instant without the service. */
  readonly endsAt: Date;
  /** The last calendar day with the service (`YYYY-MM-DD`, Japan time). */
  readonly lastDay: string;

  private constructor(readonly startDate: string) {
    this.startsAt = japanTime(startDate);
    this.endsAt = japanTime(addDays(startDate, QA_ENTITLEMENT_DAYS));
    this.lastDay = addDays(startDate, QA_ENTITLEMENT_DAYS - 1);
  }

  static from(startDate: string): QaEntitlement {
    return new QaEntitlement(startDate);
  }

  entitledAt(now: Date): boolean {
    return now.getTime() >= this.startsAt.getTime() && now.getTime() < this.endsAt.getTime();
  }

  view(now: Date): { entitled: boolean; endsAt: string; lastDay: string } {
    return {
      entitled: this.entitledAt(now),
      endsAt: this.endsAt.toISOString(),
      lastDay: this.lastDay,
    };
  }
}
