import { DomainEvent } from '@app/ddd';

export type RenewalCompletedPayload = {
  accountId: string;
  userId: string;
};

export class RenewalCompleted extends DomainEvent<RenewalCompletedPayload> {
  static readonly TYPE = 'accounts.renewal-completed';
  readonly type = RenewalCompleted.TYPE;

  constructor(payload: RenewalCompletedPayload) {
    super(payload.accountId, payload);
  }
}
