import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { accountForLoginByIdSql, accountForLoginOf } from '../../accounts/public-api';
import type { AccountForLogin, AccountForLoginRow } from '../../accounts/public-api';
import { RecoveryCode } from '../domain/recovery-code.entity';
import { TwoFactorAccount } from '../domain/two-factor-account.entity';
import { TwoFactorChallenge } from '../domain/two-factor-challenge.entity';
import type { PendingChallenge } from '../domain/two-factor-challenge.entity';

/** What the login's code step decides on, read by `TwoFactorRepository.lockChallenge`. */
export interface LockedChallenge {
  /** Locked until the transaction ends. */
  account: TwoFactorAccount;
  challenge: PendingChallenge;
  /** Null for an account that accounts no longer shows to a login (withdrawn). */
  accountForLogin: AccountForLogin | null;
}

/** The two-factor account's columns (`a.*`) and the rest, prefixed so that they cannot collide. */
type LockedChallengeRow = Record<string, unknown> & {
  challenge_encrypted_pending_secret: string | null;
  challenge_after_temporary_password: boolean;
  /** The driver answers timestamptz as text. */
  challenge_expires_at: string;
  challenge_account_for_login: AccountForLoginRow | null;
};

/**
 * Persistence of the two-factor aggregate: its row (always loaded under `FOR UPDATE` by commands),
 * its pending login challenge and its recovery codes. Every method works in the caller's transaction.
 */
@Injectable()
export class TwoFactorRepository {
  /** The account's row, locked until the transaction ends; null when two-factor was never touched. */
  lock(em: EntityManager, accountId: string): Promise<TwoFactorAccount | null> {
    return em.findOne(TwoFactorAccount, { accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /**
   * The login's code step reads everything it decides on here, in one statement (ADR 0093): the
   * challenge, the two-factor account that holds it (the aggregate, with its replay guard and
   * failure count), and the account as accounts answers it to a login (`accountForLoginByIdSql`).
   *
   * Both two-factor rows are locked (`for update of a, c`). A completion that has to wait here for
   * another transaction holding them gets them as that one committed them: under READ COMMITTED
   * PostgreSQL re-reads a locked row that changed while it waited, and drops the row when it was
   * deleted or no longer matches the token. So a challenge that a concurrent completion consumed,
   * or that a newer login replaced (it deletes the old challenge under the account's lock),
   * answers no row, exactly like an unknown token. Only the two locked rows are re-read: the
   * accounts columns are those of the statement's start (a withdrawal that commits while the step
   * waits is missed, as one that commits just after the read always was).
   */
  async lockChallenge(em: EntityManager, tokenHash: string): Promise<LockedChallenge | null> {
    const [row] = await em.execute<LockedChallengeRow[]>(
      `select a.*, c."encrypted_pending_secret" as "challenge_encrypted_pending_secret",
              c."after_temporary_password" as "challenge_after_temporary_password",
              c."expires_at" as "challenge_expires_at", to_json(l) as "challenge_account_for_login"
       from "two_factor"."challenge" c
       join "two_factor"."account" a on a."account_id" = c."account_id"
       left join lateral (${accountForLoginByIdSql('c."account_id"')}) l on true
       where c."token_hash" = ?
       for update of a, c`,
      [tokenHash],
    );
    if (!row) return null;
    const {
      challenge_encrypted_pending_secret: encryptedPendingSecret,
      challenge_after_temporary_password: afterTemporaryPassword,
      challenge_expires_at: expiresAt,
      challenge_account_for_login: accountForLogin,
      ...account
    } = row;
    return {
      account: em.map(TwoFactorAccount, account),
      challenge: {
        encryptedPendingSecret,
        afterTemporaryPassword,
        expiresAt: em.getPlatform().parseDate(expiresAt),
      },
      accountForLogin: accountForLoginOf(accountForLogin),
    };
  }

  /**
   * Like `lock`, creating the row first if needed, in one statement: an upsert's DO UPDATE takes
   * the row lock whether it inserted the row or found it (two requests creating it at once both
   * succeed, one after the other).
   */
  async lockOrOpen(em: EntityManager, accountId: string): Promise<TwoFactorAccount> {
    const [row] = await em.execute<Array<Record<string, unknown>>>(
      `insert into "two_factor"."account" ("account_id") values (?)
       on conflict ("account_id") do update set "account_id" = excluded."account_id"
       returning *`,
      [accountId],
    );
    return em.map(TwoFactorAccount, row);
  }

  /** One live challenge per account: the new one voids every older one. Call with the account locked. */
  async replaceChallenge(em: EntityManager, challenge: TwoFactorChallenge): Promise<void> {
    await em.nativeDelete(TwoFactorChallenge, { accountId: challenge.accountId });
    em.persist(challenge);
  }

  async deleteChallenges(em: EntityManager, accountId: string): Promise<void> {
    await em.nativeDelete(TwoFactorChallenge, { accountId });
  }

  unusedRecoveryCodes(em: EntityManager, accountId: string): Promise<RecoveryCode[]> {
    return em.find(
      RecoveryCode,
      { accountId, usedAt: null },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }

  /**
   * Spends a recovery code: true for exactly one caller, even if the account lock were bypassed,
   * because the update only matches a code that is still unused.
   */
  async spendRecoveryCode(em: EntityManager, codeId: string, now: Date): Promise<boolean> {
    const spent = await em.nativeUpdate(
      RecoveryCode,
      { id: codeId, usedAt: null },
      { usedAt: now },
    );
    return spent === 1;
  }

  async replaceRecoveryCodes(
    em: EntityManager,
    accountId: string,
    codes: RecoveryCode[],
  ): Promise<void> {
    await em.nativeDelete(RecoveryCode, { accountId });
    em.persist(codes);
  }

  async deleteRecoveryCodes(em: EntityManager, accountId: string): Promise<void> {
    await em.nativeDelete(RecoveryCode, { accountId });
  }

  /**
   * Everything two-factor holds of the account. The account row is locked first, the order the
   * code step locks in (`lockChallenge`: account, then challenge), so that a code step running
   * during the erase waits for it instead of deadlocking with it.
   */
  async erase(em: EntityManager, accountId: string): Promise<void> {
    await this.lock(em, accountId);
    await em.nativeDelete(RecoveryCode, { accountId });
    await em.nativeDelete(TwoFactorChallenge, { accountId });
    await em.nativeDelete(TwoFactorAccount, { accountId });
  }
}
