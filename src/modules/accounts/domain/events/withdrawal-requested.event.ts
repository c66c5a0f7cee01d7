import { DomainEvent } from '@app/ddd';
import type { Language } from '../account-type';

export type WithdrawalRequestedPayload = {
  accountId: string;
  userId: string;
  email: string;
  language: Language;
  /** Whether a free-text reason was given; the text itself stays in the account row until completion. */
  reasonGiven: boolean;
};

export class WithdrawalRequested extends DomainEvent<WithdrawalRequestedPayload> {
  static readonly TYPE = 'accounts.withdrawal-requested';
  readonly type = WithdrawalRequested.TYPE;

  constructor(payload: WithdrawalRequestedPayload) {
    super(payload.accountId, payload);
  }
}
