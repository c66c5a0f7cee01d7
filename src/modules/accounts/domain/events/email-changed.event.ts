import { DomainEvent } from '@app/ddd';
import type { Language } from '../account-type';

export type EmailChangedPayload = {
  accountId: string;
  userId: string;
  oldEmail: string;
  newEmail: string;
  /** The recipient of the notice: the OLD address, so a hijacked session cannot silently take the account. */
  email: string;
  language: Language;
};

export class EmailChanged extends DomainEvent<EmailChangedPayload> {
  static readonly TYPE = 'accounts.email-changed';
  readonly type = EmailChanged.TYPE;

  constructor(payload: EmailChangedPayload) {
    super(payload.accountId, payload);
  }
}
