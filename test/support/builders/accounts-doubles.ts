import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../../../src/modules/accounts/domain/account.entity';
import type { Registration } from '../../../src/modules/accounts/domain/account.entity';
import { Email } from '../../../src/modules/accounts/domain/email';
import { UserId } from '../../../src/modules/accounts/domain/user-id';
import type { AccountRepository } from '../../../src/modules/accounts/infrastructure/account.repository';

/** Unit-spec doubles for the ports a handler talks to; the database is exercised by the e2e tests. */
export { em, immediateTransactions } from './transactions-double';
export { recordingCommandBus } from './platform-doubles';

export function repositoryHolding(...accounts: Account[]): jest.Mocked<AccountRepository> {
  const find = (predicate: (a: Account) => boolean) =>
    Promise.resolve(accounts.find(predicate) ?? null);
  return {
    add: jest.fn(() => Promise.resolve('added' as const)),
    addOrAbort: jest.fn(() => Promise.resolve('added' as const)),
    lockById: jest.fn((_em: EntityManager, id: string) => find((a) => a.id === id)),
    lockByUserId: jest.fn((_em: EntityManager, userId: string) =>
      find((a) => a.userId.toLowerCase() === userId.toLowerCase()),
    ),
  } as unknown as jest.Mocked<AccountRepository>;
}

export function aRegisteredAccount(
  overrides: Partial<Omit<Registration, 'userId' | 'email'>> = {},
): Account {
  const account = Account.register({
    userId: UserId.parse('Yamada01'),
    type: 'individual',
    email: Email.parse('taro@example.jp'),
    language: 'ja',
    profile: { name: '山田 太郎', nameKana: 'ヤマダ タロウ' },
    registeredBy: 'self',
    ...overrides,
  });
  account.pullEvents();
  return account;
}
