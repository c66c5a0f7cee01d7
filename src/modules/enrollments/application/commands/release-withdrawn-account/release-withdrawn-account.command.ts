import { Command } from '@nestjs/cqrs';

export interface WithdrawnAccountReleased {
  /** Seats cancelled (reason `withdrawal`, no mail). */
  cancelled: number;
  /** Attendees whose name, kana and e-mail were erased. */
  erased: number;
}

/**
 * What a withdrawal does to enrollments (ADR 0091): the account's live seats are cancelled and its
 * personal data erased, certificate numbers kept. Repeating it changes nothing.
 */
export class ReleaseWithdrawnAccountCommand extends Command<WithdrawnAccountReleased> {
  constructor(readonly accountId: string) {
    super();
  }
}
