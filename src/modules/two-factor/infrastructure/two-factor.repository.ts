import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { RecoveryCode } from '../domain/recovery-code.entity';
import { TwoFactorAccount } from '../domain/two-factor-account.entity';
import { TwoFactorChallenge } from '../domain/two-factor-challenge.entity';

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
   * The account that holds the challenge, locked, in one statement: the login's second step needs
   * no look at the challenge before the lock (read it again under the lock, `findChallenge`).
   */
  async lockHolderOfChallenge(
    em: EntityManager,
    tokenHash: string,
  ): Promise<TwoFactorAccount | null> {
    const [row] = await em.execute<Array<Record<string, unknown>>>(
      `select a.* from "two_factor"."account" a
       where a."account_id" = (select c."account_id" from "two_factor"."challenge" c
                               where c."token_hash" = ?)
       for update`,
      [tokenHash],
    );
    return row ? em.map(TwoFactorAccount, row) : null;
  }

  /** Like `lock`, creating the row first if needed (two requests creating it at once both succeed). */
  async lockOrOpen(em: EntityManager, accountId: string): Promise<TwoFactorAccount> {
    await em
      .createQueryBuilder(TwoFactorAccount)
      .insert(TwoFactorAccount.open(accountId))
      .onConflict('account_id')
      .ignore()
      .execute();
    return em.findOneOrFail(
      TwoFactorAccount,
      { accountId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  findChallenge(em: EntityManager, tokenHash: string): Promise<TwoFactorChallenge | null> {
    return em.findOne(TwoFactorChallenge, { tokenHash }, { refresh: true });
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

  async erase(em: EntityManager, accountId: string): Promise<void> {
    await em.nativeDelete(RecoveryCode, { accountId });
    await em.nativeDelete(TwoFactorChallenge, { accountId });
    await em.nativeDelete(TwoFactorAccount, { accountId });
  }
}
