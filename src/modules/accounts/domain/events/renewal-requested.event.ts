import { DomainEvent } from '@app/ddd';
import type { Language } from '../account-type';

export type RenewalRequestedPayload = {
  accountId: string;
  userId: string;
  email: string;
  language: Language;
};

export class RenewalRequested extends DomainEvent<RenewalRequestedPayload> {
  static readonly TYPE = 'accounts.renewal-requested';
  readonly type = RenewalRequested.TYPE;

  constructor(payload: RenewalRequestedPayload) {
    super(payload.accountId, payload);
  }
}
