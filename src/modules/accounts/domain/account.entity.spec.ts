import type { DomainEvent } from '@app/ddd';
import { Account } from './account.entity';
import type { Registration } from './account.entity';
import type { AccountType } from './account-type';
import { Email } from './email';
import { UserId } from './user-id';

const PROFILES: Record<AccountType, Registration['profile']> = {
  individual: { name: '山田 太郎', nameKana: 'ヤマダ タロウ' },
  corporate: {
    name: '山田 太郎',
    nameKana: 'ヤマダ タロウ',
    companyName: '株式会社サンプル',
    department: '人事部',
  },
  group: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', groupName: '品質管理研究会' },
};

/** A registered account whose registration event has already been taken, so each test sees only its own. */
function anAccount(
  overrides: Partial<Omit<Registration, 'userId' | 'email'>> & {
    userId?: string;
    email?: string;
  } = {},
): Account {
  const type = overrides.type ?? 'individual';
  const account = Account.register({
    userId: UserId.parse(overrides.userId ?? 'Yamada01'),
    type,
    email: Email.parse(overrides.email ?? 'taro@example.jp'),
    language: overrides.language ?? 'ja',
    profile: overrides.profile ?? PROFILES[type],
    registeredBy: overrides.registeredBy ?? 'self',
  });
  account.pullEvents();
  return account;
}

const recorded = (account: Account) =>
  account.pullEvents().map((e: DomainEvent) => ({ type: e.type, payload: e.payload }));

describe('Account', () => {
  describe('registration', () => {
    it('records accounts.account-registered with the primitive facts and no secrets', () => {
      const account = Account.register({
        userId: UserId.parse('Yamada01'),
        type: 'corporate',
        email: Email.parse('taro@example.jp'),
        language: 'en',
        profile: PROFILES.corporate,
        registeredBy: 'self',
      });
      expect(account).toMatchObject({
        userId: 'Yamada01',
        type: 'corporate',
        status: 'active',
        language: 'en',
        renewalRequired: false,
      });
      const [event] = account.pullEvents();
      expect(event.type).toBe('accounts.account-registered');
      expect(event.subjectAccountId).toBe(account.id);
      expect(event.secrets).toBeNull();
      expect(event.payload).toEqual({
        accountId: account.id,
        userId: 'Yamada01',
        type: 'corporate',
        email: 'taro@example.jp',
        language: 'en',
        registeredBy: 'self',
      });
    });

    it('puts the group name into the event of a group account, for the groups context', () => {
      const account = Account.register({
        userId: UserId.parse('kenkyukai'),
        type: 'group',
        email: Email.parse('kai@example.jp'),
        language: 'ja',
        profile: PROFILES.group,
        registeredBy: 'staff',
      });
      expect(account.pullEvents()[0].payload).toMatchObject({
        type: 'group',
        groupName: '品質管理研究会',
        registeredBy: 'staff',
      });
    });

    it('refuses a profile that does not fit the type, recording nothing', () => {
      expect(() => anAccount({ type: 'corporate', profile: PROFILES.individual })).toThrow(
        expect.objectContaining({ code: 'PROFILE_INVALID' }),
      );
    });
  });

  describe('type and user ID', () => {
    it('refuses another type with ACCOUNT_TYPE_IMMUTABLE and another ID with USER_ID_IMMUTABLE', () => {
      const account = anAccount();
      expect(() => account.refuseIdentityChange({ type: 'corporate' })).toThrow(
        expect.objectContaining({ code: 'ACCOUNT_TYPE_IMMUTABLE' }),
      );
      expect(() => account.refuseIdentityChange({ userId: 'yamada01' })).toThrow(
        expect.objectContaining({ code: 'USER_ID_IMMUTABLE' }),
      );
    });

    it('accepts the unchanged values that a form sends back', () => {
      expect(() =>
        anAccount().refuseIdentityChange({ type: 'individual', userId: 'Yamada01' }),
      ).not.toThrow();
    });
  });

  describe('My Page edits', () => {
    it('records accounts.profile-changed with the names of the changed fields, never their values', () => {
      const account = anAccount({ type: 'corporate' });
      account.editProfile({ department: '営業部', phone: '03-1234-5678' }, 'en');
      expect(recorded(account)).toEqual([
        {
          type: 'accounts.profile-changed',
          payload: {
            accountId: account.id,
            userId: 'Yamada01',
            changedFields: ['phone', 'department', 'language'],
            language: 'en',
          },
        },
      ]);
      expect(account.profile?.department).toBe('営業部');
      expect(account.language).toBe('en');
    });

    it('records nothing when nothing changes', () => {
      const account = anAccount();
      account.editProfile({ name: '山田 太郎' }, 'ja');
      expect(recorded(account)).toEqual([]);
    });

    it('carries a changed group name for the groups context', () => {
      const account = anAccount({ type: 'group' });
      account.editProfile({ groupName: '品質研究会' });
      expect(recorded(account)[0].payload).toMatchObject({
        changedFields: ['groupName'],
        groupName: '品質研究会',
      });
    });

    it('records accounts.email-changed addressed to the OLD address', () => {
      const account = anAccount();
      account.changeEmail(Email.parse('new@example.jp'));
      expect(recorded(account)).toEqual([
        {
          type: 'accounts.email-changed',
          payload: {
            accountId: account.id,
            userId: 'Yamada01',
            oldEmail: 'taro@example.jp',
            newEmail: 'new@example.jp',
            email: 'taro@example.jp',
            language: 'ja',
          },
        },
      ]);
      expect(account.email).toBe('new@example.jp');
    });

    it('treats the same address as no change', () => {
      const account = anAccount();
      expect(account.isNewEmail(Email.parse(' taro@example.jp '))).toBe(false);
      account.changeEmail(Email.parse('taro@example.jp'));
      expect(recorded(account)).toEqual([]);
    });
  });

  describe('renewal', () => {
    it('records accounts.renewal-requested once, then accounts.renewal-completed when the holder confirms', () => {
      const account = anAccount();
      expect(account.requestRenewal()).toBe(true);
      expect(account.requestRenewal()).toBe(false);
      expect(account.renewalRequired).toBe(true);
      expect(recorded(account)).toEqual([
        {
          type: 'accounts.renewal-requested',
          payload: {
            accountId: account.id,
            userId: 'Yamada01',
            email: 'taro@example.jp',
            language: 'ja',
          },
        },
      ]);

      account.confirmRegistration();
      account.confirmRegistration();
      expect(account.renewalRequired).toBe(false);
      expect(recorded(account)).toEqual([
        {
          type: 'accounts.renewal-completed',
          payload: { accountId: account.id, userId: 'Yamada01' },
        },
      ]);
    });
  });

  describe("a group administrator's correction", () => {
    it('records accounts.profile-changed and leaves a requested renewal requested', () => {
      const account = anAccount({ type: 'group' });
      account.requestRenewal();
      account.pullEvents();
      account.correctProfile({ name: '山田 次郎', phone: '03-1234-5678' }, 'en');
      expect(account.renewalRequired).toBe(true);
      expect(recorded(account)).toEqual([
        {
          type: 'accounts.profile-changed',
          payload: {
            accountId: account.id,
            userId: 'Yamada01',
            changedFields: ['name', 'phone', 'language'],
            language: 'en',
          },
        },
      ]);
    });

    it('refuses a profile that does not fit with PROFILE_INVALID, recording nothing', () => {
      const account = anAccount({ type: 'group' });
      expect(() => account.correctProfile({ nameKana: 'yamada' })).toThrow(
        expect.objectContaining({ code: 'PROFILE_INVALID' }),
      );
      expect(recorded(account)).toEqual([]);
    });
  });

  describe('withdrawal', () => {
    it('records accounts.withdrawal-requested, and refuses a second request with WITHDRAWAL_ALREADY_REQUESTED', () => {
      const account = anAccount();
      account.requestWithdrawal('  引っ越しのため  ');
      expect(account.status).toBe('withdrawal_requested');
      expect(account.withdrawalReason).toBe('引っ越しのため');
      expect(recorded(account)).toEqual([
        {
          type: 'accounts.withdrawal-requested',
          payload: {
            accountId: account.id,
            userId: 'Yamada01',
            email: 'taro@example.jp',
            language: 'ja',
            reasonGiven: true,
          },
        },
      ]);
      expect(() => account.requestWithdrawal(null)).toThrow(
        expect.objectContaining({ code: 'WITHDRAWAL_ALREADY_REQUESTED' }),
      );
      expect(recorded(account)).toEqual([]);
    });

    it('anonymises on completion and records accounts.account-withdrawn with the address only as a mail secret', () => {
      const account = anAccount({ type: 'corporate', language: 'en' });
      account.requestRenewal();
      account.requestWithdrawal('reason');
      account.pullEvents();

      account.completeWithdrawal();

      expect(account).toMatchObject({
        userId: 'Yamada01',
        type: 'corporate',
        status: 'withdrawn',
        email: null,
        profile: null,
        withdrawalReason: null,
        renewalRequestedAt: null,
      });
      expect(account.withdrawnAt).toBeInstanceOf(Date);
      const [event, ...others] = account.pullEvents();
      expect(others).toEqual([]);
      expect(event.type).toBe('accounts.account-withdrawn');
      expect(event.payload).toEqual({ accountId: account.id, userId: 'Yamada01', language: 'en' });
      expect(event.secrets).toEqual({ email: 'taro@example.jp' });
    });

    it('refuses to complete a withdrawal nobody requested', () => {
      const account = anAccount();
      expect(() => account.completeWithdrawal()).toThrow(
        expect.objectContaining({ code: 'WITHDRAWAL_NOT_REQUESTED' }),
      );
      expect(account.status).toBe('active');
    });

    it('refuses every change of a withdrawn account with ACCOUNT_WITHDRAWN, recording nothing', () => {
      const account = anAccount();
      account.requestWithdrawal(null);
      account.completeWithdrawal();
      account.pullEvents();

      const attempts: Array<() => unknown> = [
        () => account.completeWithdrawal(),
        () => account.requestWithdrawal(null),
        () => account.requestRenewal(),
        () => account.confirmRegistration(),
        () => account.editProfile({ name: '別人' }),
        () => account.correctProfile({ name: '別人' }),
        () => account.changeEmail(Email.parse('x@example.jp')),
      ];
      for (const attempt of attempts)
        expect(attempt).toThrow(expect.objectContaining({ code: 'ACCOUNT_WITHDRAWN' }));
      expect(account.pullEvents()).toEqual([]);
    });
  });
});
