import type { FilterQuery } from '@mikro-orm/core';
import { raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { forkForReads, preparedRead } from '@app/platform';
import type { AccountStatus, AccountType, Language } from '../domain/account-type';
import { Account } from '../domain/account.entity';

/** An account row with its second-factor summary, as `myPage` reads it (no entity hydrated). */
export interface MyPageRow {
  id: string;
  userId: string;
  type: AccountType;
  status: AccountStatus;
  email: string | null;
  language: Language;
  name: string | null;
  nameKana: string | null;
  phone: string | null;
  companyName: string | null;
  department: string | null;
  groupName: string | null;
  renewalRequired: boolean;
  registeredAt: Date;
  twoFactorEnabled: boolean;
  twoFactorEnrolled: boolean;
  twoFactorRequiredByGroup: boolean;
}

export interface Slice {
  limit: number;
  offset: number;
}

/**
 * Every read behind the accounts context's queries, in one place; the query handlers map what it
 * answers to their views. Reads join the caller's transaction when there is one and never ask the
 * pool for a second connection (ADR 0006).
 */
@Injectable()
export class AccountsReadModel {
  constructor(private readonly em: EntityManager) {}

  byId(accountId: string): Promise<Account | null> {
    return this.reads().findOne(Account, { id: accountId });
  }

  /**
   * My Page in one statement: the account and, through `secondFactorSql` (the two-factor
   * context's own SQL, GetSecondFactorSummarySqlQuery, the same text for the life of the process),
   * its second factor. Prepared once per connection; no entity manager is forked and nothing is
   * hydrated (ADR 0095).
   */
  async myPage(accountId: string, secondFactorSql: string): Promise<MyPageRow | null> {
    const [row] = await preparedRead<Omit<MyPageRow, 'registeredAt'> & { registeredAt: string }>(
      this.em,
      'accounts.my-page',
      `select a."id", a."user_id" as "userId", a."type", a."status", a."email", a."language",
              a."name", a."name_kana" as "nameKana", a."phone", a."company_name" as "companyName",
              a."department", a."group_name" as "groupName",
              a."renewal_requested_at" is not null as "renewalRequired",
              a."registered_at" as "registeredAt",
              coalesce(f."enabled", false) as "twoFactorEnabled",
              coalesce(f."enrolled", false) as "twoFactorEnrolled",
              coalesce(f."required_by_group", false) as "twoFactorRequiredByGroup"
       from "accounts"."account" a
       left join lateral (${secondFactorSql}) f on true
       where a."id" = ?`,
      [accountId, accountId],
    );
    if (!row) return null;
    // As the ORM reads a timestamptz column (the driver answers text).
    return { ...row, registeredAt: this.em.getPlatform().parseDate(row.registeredAt) };
  }

  /** Exact (case-sensitive) match; the lower() condition lets the unique index find the row. */
  byUserId(userId: string): Promise<Account | null> {
    return this.reads().findOne(Account, {
      [raw('lower(user_id)')]: userId.toLowerCase(),
      userId,
    });
  }

  /** IDs are unique without regard to case, so support's typed ID names one account at most. */
  byUserIdIgnoringCase(userId: string): Promise<Account | null> {
    return this.reads().findOne(Account, { [raw('lower(user_id)')]: userId.toLowerCase() });
  }

  async accountIdOf(userId: string): Promise<string | null> {
    const account = await this.reads().findOne(
      Account,
      { [raw('lower(user_id)')]: userId.toLowerCase() },
      { fields: ['id'] },
    );
    return account?.id ?? null;
  }

  /** `uniquenessKey`: the lower-cased ID (`UserId.uniquenessKey`). */
  async isUserIdTaken(uniquenessKey: string): Promise<boolean> {
    const taken = await this.reads().count(Account, { [raw('lower(user_id)')]: uniquenessKey });
    return taken > 0;
  }

  /** `address`: trimmed and lower-cased. Oldest registration first. */
  notWithdrawnWithEmail(address: string): Promise<Account[]> {
    return this.reads().find(
      Account,
      { [raw('lower(email)')]: address, status: { $ne: 'withdrawn' } },
      { orderBy: { registeredAt: 'asc' } },
    );
  }

  /** Oldest request first. */
  withdrawalRequests({ limit, offset }: Slice): Promise<[Account[], number]> {
    return this.reads().findAndCount(
      Account,
      { status: 'withdrawal_requested' },
      { orderBy: { withdrawalRequestedAt: 'asc', id: 'asc' }, limit, offset },
    );
  }

  /** `text` matches part of the user ID, e-mail, name, kana, company or group name. Newest first. */
  search(
    criteria: { text?: string; status?: AccountStatus; type?: AccountType; accountIds?: string[] },
    { limit, offset }: Slice,
  ): Promise<[Account[], number]> {
    const where: FilterQuery<Account>[] = [];
    if (criteria.status) where.push({ status: criteria.status });
    if (criteria.type) where.push({ type: criteria.type });
    if (criteria.accountIds) where.push({ id: { $in: criteria.accountIds } });
    const text = criteria.text?.trim();
    if (text) {
      const pattern = { $ilike: `%${escapeLike(text)}%` };
      where.push({
        $or: [
          { userId: pattern },
          { email: pattern },
          { profile: { name: pattern } },
          { profile: { nameKana: pattern } },
          { profile: { companyName: pattern } },
          { profile: { groupName: pattern } },
        ],
      });
    }
    return this.reads().findAndCount(
      Account,
      { $and: where },
      { orderBy: { registeredAt: 'desc', id: 'asc' }, limit, offset },
    );
  }

  private reads(): EntityManager {
    return forkForReads(this.em);
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
