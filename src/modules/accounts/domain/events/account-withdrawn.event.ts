import { DomainEvent } from '@app/ddd';
import type { Language } from '../account-type';

export type AccountWithdrawnPayload = {
  accountId: string;
  userId: string;
  language: Language;
};

/**
 * The withdrawal was carried out and the personal data anonymised. Other contexts erase what they
 * hold for the account. The address for the confirmation mail travels as a secret: it reaches the
 * mail queue only and is erased from the outbox once relayed, so the anonymised address does not
 * live on in this event's audit record.
 */
export class AccountWithdrawn extends DomainEvent<AccountWithdrawnPayload> {
  static readonly TYPE = 'accounts.account-withdrawn';
  readonly type = AccountWithdrawn.TYPE;

  constructor(payload: AccountWithdrawnPayload, email: string) {
    super(payload.accountId, payload, { email });
  }
}
