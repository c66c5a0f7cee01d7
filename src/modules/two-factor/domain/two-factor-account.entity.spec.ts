import { TwoFactorAccount } from './two-factor-account.entity';
import type { SecondFactorProof } from './two-factor-account.entity';
import type { AccountContact } from './two-factor.events';

const contact: AccountContact = {
  accountId: '5b0f3c36-7c3c-4d8e-9d59-0c6d2a3b4c5d',
  userId: 'yamada01',
  email: 'yamada@example.jp',
  language: 'ja',
};
const MAX = 5;
const now = new Date('2026-01-01T00:00:00Z');
const staff = '0e4a6c84-6b0c-4bb6-8f6d-111111111111';

function enrolled(): TwoFactorAccount {
  const account = TwoFactorAccount.open(contact.accountId);
  account.switchOnByUser(contact);
  account.completeEnrollment('v1:ciphertext', contact, now);
  account.pullEvents();
  return account;
}

const totp = (step: number): SecondFactorProof => ({ method: 'totp', step });
const wrong: SecondFactorProof = { method: 'none' };
const types = (account: TwoFactorAccount) => account.pullEvents().map((e) => e.type);

describe('TwoFactorAccount', () => {
  describe('requirement at login', () => {
    it('asks nothing until switched on, unless the account is staff', () => {
      const account = TwoFactorAccount.open(contact.accountId);
      expect(account.requirement(false)).toBe('not_required');
      expect(account.requirement(true)).toBe('enrollment_required');
    });

    it('asks to enroll once switched on, and for a code once enrolled', () => {
      const account = TwoFactorAccount.open(contact.accountId);
      account.switchOnByUser(contact);
      expect(account.requirement(false)).toBe('enrollment_required');
      account.completeEnrollment('v1:ciphertext', contact, now);
      expect(account.requirement(false)).toBe('verification_required');
      expect(types(account)).toEqual(['two-factor.enabled', 'two-factor.enrolled']);
    });
  });

  describe('replay guard', () => {
    it('accepts a later step and records it', () => {
      const account = enrolled();
      expect(account.attempt(totp(100), contact, MAX, now)).toEqual({ accepted: true });
      expect(account.lastUsedStep).toBe(100);
      expect(account.attempt(totp(101), contact, MAX, now)).toEqual({ accepted: true });
      expect(types(account)).toEqual(['two-factor.verified', 'two-factor.verified']);
    });

    it.each([100, 99])('refuses step %p after step 100 was used, as a failure', (step) => {
      const account = enrolled();
      account.attempt(totp(100), contact, MAX, now);
      account.pullEvents();
      expect(account.attempt(totp(step), contact, MAX, now)).toEqual({
        accepted: false,
        locked: false,
      });
      expect(account.lastUsedStep).toBe(100);
      const [failed] = account.pullEvents();
      expect(failed.payload).toMatchObject({ reason: 'reused_code', consecutiveFailures: 1 });
    });

    it('starts afresh with a new secret after a reset', () => {
      const account = enrolled();
      account.attempt(totp(100), contact, MAX, now);
      account.reset(contact, staff);
      account.completeEnrollment('v1:other', contact, now);
      expect(account.attempt(totp(100), contact, MAX, now)).toEqual({ accepted: true });
    });
  });

  describe('lockout', () => {
    it(`locks at the ${MAX}th consecutive wrong code and says so once`, () => {
      const account = enrolled();
      for (let i = 1; i < MAX; i += 1) {
        expect(account.attempt(wrong, contact, MAX, now)).toEqual({
          accepted: false,
          locked: false,
        });
      }
      expect(account.attempt(wrong, contact, MAX, now)).toEqual({ accepted: false, locked: true });
      expect(account.locked).toBe(true);
      expect(account.requirement(false)).toBe('locked');
      const events = account.pullEvents();
      expect(events.filter((e) => e.type === 'two-factor.verification-failed')).toHaveLength(MAX);
      expect(events.at(-1)).toMatchObject({
        type: 'two-factor.locked',
        payload: {
          userId: 'yamada01',
          email: 'yamada@example.jp',
          language: 'ja',
          consecutiveFailures: MAX,
        },
      });
    });

    it('evaluates nothing more once locked', () => {
      const account = enrolled();
      for (let i = 0; i < MAX; i += 1) account.attempt(wrong, contact, MAX, now);
      account.pullEvents();
      expect(() => account.attempt(totp(500), contact, MAX, now)).toThrow(
        expect.objectContaining({ code: 'ACCOUNT_LOCKED' }),
      );
      expect(account.lastUsedStep).toBe(-1);
      expect(account.pullEvents()).toEqual([]);
    });

    it('counts only consecutive failures: a correct code clears the count', () => {
      const account = enrolled();
      for (let i = 1; i < MAX; i += 1) account.attempt(wrong, contact, MAX, now);
      account.attempt(totp(200), contact, MAX, now);
      expect(account.consecutiveFailures).toBe(0);
      for (let i = 1; i < MAX; i += 1) account.attempt(wrong, contact, MAX, now);
      expect(account.locked).toBe(false);
    });

    it('is lifted by support, which is refused when there is no lock', () => {
      const account = enrolled();
      expect(() => account.unlock(contact, staff)).toThrow(
        expect.objectContaining({ code: 'TWO_FACTOR_NOT_LOCKED' }),
      );
      for (let i = 0; i < MAX; i += 1) account.attempt(wrong, contact, MAX, now);
      account.pullEvents();
      account.unlock(contact, staff);
      expect(account.locked).toBe(false);
      expect(account.consecutiveFailures).toBe(0);
      expect(account.enrolled).toBe(true);
      expect(account.pullEvents()).toEqual([
        expect.objectContaining({
          type: 'two-factor.unlocked',
          payload: expect.objectContaining({ byAccountId: staff }),
        }),
      ]);
    });
  });

  it('records the recovery code used with the number left', () => {
    const account = enrolled();
    expect(account.attempt({ method: 'recovery_code', remaining: 9 }, contact, MAX, now)).toEqual({
      accepted: true,
    });
    expect(account.pullEvents().map((e) => [e.type, e.payload.remaining])).toEqual([
      ['two-factor.verified', undefined],
      ['two-factor.recovery-code-used', 9],
    ]);
  });

  describe('reset by support', () => {
    it('forgets the secret, lifts the lock and keeps two-factor on: the next login enrolls', () => {
      const account = enrolled();
      for (let i = 0; i < MAX; i += 1) account.attempt(wrong, contact, MAX, now);
      account.reset(contact, staff);
      expect(account.enrolled).toBe(false);
      expect(account.locked).toBe(false);
      expect(account.requirement(false)).toBe('enrollment_required');
    });

    it('is refused when there is nothing to reset', () => {
      const account = TwoFactorAccount.open(contact.accountId);
      account.switchOnByUser(contact);
      expect(() => account.reset(contact, staff)).toThrow(
        expect.objectContaining({ code: 'TWO_FACTOR_NOT_ENROLLED' }),
      );
    });
  });

  describe('switching off', () => {
    it('forgets the secret', () => {
      const account = enrolled();
      account.switchOff(contact, { staff: false });
      expect(account.enabled).toBe(false);
      expect(account.enrolled).toBe(false);
      expect(account.requirement(false)).toBe('not_required');
      expect(types(account)).toEqual(['two-factor.disabled']);
    });

    it('is refused for staff and while a group administrator requires two-factor', () => {
      const account = enrolled();
      expect(() => account.switchOff(contact, { staff: true })).toThrow(
        expect.objectContaining({ code: 'TWO_FACTOR_REQUIRED_FOR_STAFF' }),
      );
      account.requireByGroup(contact, staff);
      expect(() => account.switchOff(contact, { staff: false })).toThrow(
        expect.objectContaining({ code: 'TWO_FACTOR_REQUIRED_BY_GROUP' }),
      );
      account.liftGroupRequirement(staff);
      expect(account.enabled).toBe(true);
      account.switchOff(contact, { staff: false });
      expect(account.enabled).toBe(false);
    });
  });

  it('records "enabled" once, whoever switches it on first', () => {
    const account = TwoFactorAccount.open(contact.accountId);
    account.requireByGroup(contact, staff);
    account.switchOnByUser(contact);
    account.requireByGroup(contact, staff);
    expect(account.pullEvents().map((e) => [e.type, e.payload.by])).toEqual([
      ['two-factor.enabled', 'group_admin'],
    ]);
  });
});
