import { DomainEvent } from '@app/ddd';
import type { SupportCategory, SupportLanguage } from './support-request-category';

export type SupportRequestReceivedPayload = {
  supportRequestId: string;
  requestNumber: string;
  category: SupportCategory;
  /** Whether the user ID and the address belonged to the same account (then it is the subject). */
  verified: boolean;
  language: SupportLanguage;
};

/**
 * Mail-worthy: the receipt with the request number. The address travels in `secrets`, so the
 * audit trail never stores an address someone typed for an account it does not belong to.
 */
export class SupportRequestReceived extends DomainEvent<SupportRequestReceivedPayload> {
  static readonly TYPE = 'support.request-received';
  readonly type = SupportRequestReceived.TYPE;

  constructor(payload: SupportRequestReceivedPayload, accountId: string | null, email: string) {
    super(accountId, payload, { email });
  }
}

export type SupportRequestTakenPayload = {
  supportRequestId: string;
  requestNumber: string;
  byAccountId: string;
};

export class SupportRequestTaken extends DomainEvent<SupportRequestTakenPayload> {
  static readonly TYPE = 'support.request-taken';
  readonly type = SupportRequestTaken.TYPE;

  constructor(payload: SupportRequestTakenPayload, accountId: string | null) {
    super(accountId, payload);
  }
}

export type SupportRequestAnsweredPayload = {
  supportRequestId: string;
  requestNumber: string;
  byAccountId: string;
  language: SupportLanguage;
  reply: string;
};

/** Mail-worthy: the reply, in the customer's language; the address again in `secrets`. */
export class SupportRequestAnswered extends DomainEvent<SupportRequestAnsweredPayload> {
  static readonly TYPE = 'support.request-answered';
  readonly type = SupportRequestAnswered.TYPE;

  constructor(payload: SupportRequestAnsweredPayload, accountId: string | null, email: string) {
    super(accountId, payload, { email });
  }
}

export type SupportRequestClosedPayload = {
  supportRequestId: string;
  requestNumber: string;
  byAccountId: string;
};

/** Closed without a reply (spam, a duplicate, settled by telephone). */
export class SupportRequestClosed extends DomainEvent<SupportRequestClosedPayload> {
  static readonly TYPE = 'support.request-closed';
  readonly type = SupportRequestClosed.TYPE;

  constructor(payload: SupportRequestClosedPayload, accountId: string | null) {
    super(accountId, payload);
  }
}

export type ContactRateLimitedPayload = {
  retryAfterSeconds: number;
};

export class ContactRateLimited extends DomainEvent<ContactRateLimitedPayload> {
  static readonly TYPE = 'support.contact-rate-limited';
  readonly type = ContactRateLimited.TYPE;

  constructor(payload: ContactRateLimitedPayload) {
    super(null, payload);
  }
}
