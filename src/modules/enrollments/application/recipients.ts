import type { AccountView } from '../../accounts/public-api';
import type { Recipient } from '../domain/enrollments.events';

/** Whom a mail about the account reaches: its current address, in its language. */
export function recipientOf(
  account: Pick<AccountView, 'accountId' | 'email' | 'language'>,
): Recipient {
  return { accountId: account.accountId, email: account.email, language: account.language };
}
