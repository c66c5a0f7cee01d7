import type { Account } from '../../domain/account.entity';
import type { AccountForLogin, AccountView } from './account-views';

/** The fields every view of an account opens with; `email` is null once the account is withdrawn. */
export function toAccountIdentity(account: Account) {
  return {
    accountId: account.id,
    userId: account.userId,
    type: account.type,
    status: account.status,
    email: account.email,
  };
}

/**
 * Withdrawn accounts have no e-mail or profile left; the public queries never return them, so that
 * every other context treats a withdrawn ID exactly like an unknown one.
 */
export function toAccountForLogin(account: Account): AccountForLogin | null {
  const { email } = account;
  if (account.status === 'withdrawn' || email === null) return null;
  return {
    ...toAccountIdentity(account),
    email,
    language: account.language,
    renewalRequired: account.renewalRequired,
  };
}

export function toAccountView(account: Account): AccountView | null {
  const summary = toAccountForLogin(account);
  if (!summary || !account.profile) return null;
  return { ...summary, profile: account.profile.snapshot() };
}
