import type { Account } from '../../domain/account.entity';
import type { MyPageRow } from '../../infrastructure/accounts.read-model';
import type { AccountForLogin, AccountView } from './account-views';
import type { MyPageView } from './get-my-page/get-my-page.query';

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

/**
 * The same rules as `toAccountView` over the row `AccountsReadModel.myPage` reads: withdrawn
 * accounts are not shown, and an account without profile columns has no profile (MikroORM's
 * reading of a nullable embeddable whose columns are all null).
 */
export function toMyPageView(row: MyPageRow): MyPageView | null {
  const { email } = row;
  if (row.status === 'withdrawn' || email === null) return null;
  const { name, nameKana, phone, companyName, department, groupName } = row;
  const profile = { name, nameKana, phone, companyName, department, groupName };
  if (Object.values(profile).every((value) => value === null)) return null;
  return {
    accountId: row.id,
    userId: row.userId,
    type: row.type,
    status: row.status,
    email,
    language: row.language,
    renewalRequired: row.renewalRequired,
    profile: profile as AccountView['profile'],
    registeredAt: row.registeredAt.toISOString(),
    twoFactor: {
      enabled: row.twoFactorEnabled,
      enrolled: row.twoFactorEnrolled,
      requiredByGroup: row.twoFactorRequiredByGroup,
    },
  };
}
