import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus } from '@nestjs/cqrs';
import type { StaffRole } from '@app/platform';
import { OutboxMessage } from '@app/platform';
import { RegisterAccountCommand } from '../../../src/modules/accounts/public-api';
import type { AccountType, Language, ProfileInput } from '../../../src/modules/accounts/public-api';
import {
  GrantStaffRoleCommand,
  StartSessionCommand,
} from '../../../src/modules/authentication/public-api';
import type { TestApp } from '../test-app';
import { waitFor } from '../wait-for';

/** A fresh ID in the 6–20 format, unique per call so tests never collide in one database. */
export function aUserId(prefix = 'u'): string {
  return `${prefix}${randomBytes(6).toString('hex')}`.slice(0, 20);
}

/** A password the policy accepts (half-width alphanumerics, not common, not the ID). */
export function aPassword(): string {
  return `Pw${randomBytes(6).toString('hex')}`;
}

export const PROFILES: Record<AccountType, ProfileInput> = {
  individual: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', phone: '090-1234-5678' },
  corporate: {
    name: '鈴木 一郎',
    nameKana: 'スズキ イチロウ',
    companyName: '株式会社サンプル',
    department: '人事部',
  },
  group: { name: '佐藤 花子', nameKana: 'サトウ ハナコ', groupName: '品質管理研究会' },
};

/** The JSON body of `POST /accounts` for a new customer of `type`. */
export function aRegistrationBody(
  type: AccountType = 'individual',
  overrides: Record<string, unknown> = {},
) {
  const userId = aUserId();
  return {
    type,
    userId,
    password: aPassword(),
    email: `${userId}@example.jp`,
    profile: PROFILES[type],
    ...overrides,
  };
}

export interface RegisteredAccount {
  accountId: string;
  userId: string;
  password: string;
  email: string;
  type: AccountType;
}

export interface LoggedInAccount extends RegisteredAccount {
  sessionToken: string;
  /** `Authorization: Bearer …` for supertest's `.set(...)`. */
  auth: { Authorization: string };
}

class AccountBuilder {
  private type: AccountType = 'individual';
  private userId = aUserId();
  private password = aPassword();
  private email: string | null = null;
  private language: Language = 'ja';
  private profile: ProfileInput | null = null;
  private roles: StaffRole[] = [];

  constructor(private readonly t: TestApp) {}

  withType(type: AccountType): this {
    this.type = type;
    return this;
  }

  withUserId(userId: string): this {
    this.userId = userId;
    return this;
  }

  withEmail(email: string): this {
    this.email = email;
    return this;
  }

  withLanguage(language: Language): this {
    this.language = language;
    return this;
  }

  withProfile(profile: ProfileInput): this {
    this.profile = profile;
    return this;
  }

  /** A staff member (support desk or administrator) rather than a customer. */
  asStaff(...roles: StaffRole[]): this {
    this.roles = roles.length > 0 ? roles : ['support'];
    return this;
  }

  async register(): Promise<RegisteredAccount> {
    const commands = this.t.app.get(CommandBus);
    const email = this.email ?? `${this.userId}@example.jp`;
    const { accountId, userId, type } = await commands.execute(
      new RegisterAccountCommand({
        type: this.type,
        userId: this.userId,
        password: this.password,
        email,
        language: this.language,
        profile: this.profile ?? PROFILES[this.type],
      }),
    );
    for (const role of this.roles)
      await commands.execute(new GrantStaffRoleCommand(accountId, role, null));
    return { accountId, userId, password: this.password, email, type };
  }

  /** Registered, with a full session opened the way the login flow opens it. */
  async loggedIn(): Promise<LoggedInAccount> {
    const account = await this.register();
    const { sessionToken } = await this.t.app
      .get(CommandBus)
      .execute(new StartSessionCommand(account.accountId, { scope: 'full' }));
    return { ...account, sessionToken, auth: { Authorization: `Bearer ${sessionToken}` } };
  }
}

export function aRegisteredAccount(t: TestApp): AccountBuilder {
  return new AccountBuilder(t);
}

export function aStaffMember(t: TestApp, ...roles: StaffRole[]): AccountBuilder {
  return new AccountBuilder(t).asStaff(...roles);
}

/** The account rows whose ID equals `userId` without regard to case (withdrawn ones included). */
export async function accountRows(
  t: TestApp,
  userId: string,
): Promise<Array<Record<string, unknown>>> {
  return t.app
    .get(EntityManager)
    .fork()
    .getConnection()
    .execute('select * from "accounts"."account" where lower("user_id") = lower(?)', [userId]);
}

export async function accountRowsByEmail(
  t: TestApp,
  email: string,
): Promise<Array<Record<string, unknown>>> {
  return t.app
    .get(EntityManager)
    .fork()
    .getConnection()
    .execute('select * from "accounts"."account" where lower("email") = lower(?)', [email]);
}

export async function outboxEvents(
  t: TestApp,
  type: string,
  subjectAccountId?: string,
): Promise<OutboxMessage[]> {
  return t.app
    .get(EntityManager)
    .fork()
    .find(
      OutboxMessage,
      { type, ...(subjectAccountId ? { subjectAccountId } : {}) },
      { orderBy: { position: 'asc' } },
    );
}

/**
 * The newest event of `type` once every consumer acknowledged it: the mail consumer erases the
 * secrets it mailed in its acknowledgement, a moment after the SMTP server got the mail.
 */
export function deliveredEvent(
  t: TestApp,
  type: string,
  subjectAccountId?: string,
): Promise<OutboxMessage> {
  return waitFor(
    async () => {
      const newest = (await outboxEvents(t, type, subjectAccountId)).at(-1);
      return newest?.relayAt === null && newest;
    },
    { what: `${type} acknowledged by every consumer` },
  );
}

/** The account applies for withdrawal from My Page (support completes it). */
export async function requestWithdrawal(t: TestApp, account: LoggedInAccount): Promise<void> {
  await t
    .http()
    .post('/api/v1/me/withdrawal')
    .set(account.auth)
    .send({ password: account.password })
    .expect(202);
}
