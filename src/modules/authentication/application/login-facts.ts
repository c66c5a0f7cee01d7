import { Injectable } from '@nestjs/common';
import { accountForLoginOf } from '../../accounts/public-api';
import type { AccountForLogin } from '../../accounts/public-api';
import { secondFactorRequirementOf } from '../../two-factor/public-api';
import type { SecondFactorRequirement } from '../../two-factor/public-api';
import type { Credential } from '../domain/credential.entity';
import type { DeviceCookie } from '../domain/device-cookie';
import type { GuessBudgetRow } from '../infrastructure/guess-budget.rows';
import { AuthenticationReadModel } from '../infrastructure/authentication.read-model';

/** The stored hashes the password step verifies; the credential itself is loaded under its lock. */
export type LoginCredential = Pick<
  Credential,
  | 'passwordHash'
  | 'temporaryPasswordHash'
  | 'temporaryPasswordUsedAt'
  | 'temporaryPasswordExpiresAt'
>;

/**
 * The guess budgets an attempt is reserved against, as read with the facts (null: no row yet);
 * absent when nothing was read.
 */
export interface SeenGuessBudgets {
  userId: GuessBudgetRow | null;
  device: GuessBudgetRow | null;
}

/** Everything the password step decides on, read once before any hashing. */
export type LoginFacts = { budgets?: SeenGuessBudgets } & (
  | { kind: 'unknown_user_id' }
  | {
      kind: 'usable';
      account: AccountForLogin;
      credential: LoginCredential | null;
      /** Staff always log in with a second factor, whether or not they switched it on. */
      staff: boolean;
      requirement: SecondFactorRequirement;
    }
);

/** The longest ID `FindAccountForLoginQuery` looks up. */
const USER_ID_LOOKUP_MAX_LENGTH = 64;

/**
 * The login's read model: the account (accounts), its credential and staff roles (ours) and what
 * its second step must be (two-factor), in one statement outside any transaction (ADR 0093). Each
 * context's rule is applied to its part of the row by the function that context publishes.
 */
@Injectable()
export class LoginFactsReader {
  constructor(private readonly reads: AuthenticationReadModel) {}

  /** `device`: the device cookie presented for `userId`, whose budget is read too. */
  async read(userId: string, device: DeviceCookie | null): Promise<LoginFacts> {
    if (userId.length === 0 || userId.length > USER_ID_LOOKUP_MAX_LENGTH)
      return { kind: 'unknown_user_id' };
    const row = await this.reads.loginFactsOf(userId, device?.nonce ?? null);
    const budgets = { userId: row.user_id_budget, device: row.device_budget };
    // A withdrawn account is an unknown one (`accountForLoginOf`, as accounts answers it).
    const account = row.account_id === null ? null : accountForLoginOf(row);
    if (!account) return { kind: 'unknown_user_id', budgets };
    const credential: LoginCredential | null = row.has_credential
      ? {
          passwordHash: row.password_hash,
          temporaryPasswordHash: row.temporary_password_hash,
          temporaryPasswordUsedAt: dateOf(row.temporary_password_used_at),
          temporaryPasswordExpiresAt: dateOf(row.temporary_password_expires_at),
        }
      : null;
    const { staff } = row;
    const requirement = secondFactorRequirementOf(row.second_factor, staff);
    return { kind: 'usable', account, credential, staff, requirement, budgets };
  }
}

const dateOf = (stored: string | null): Date | null => (stored === null ? null : new Date(stored));
